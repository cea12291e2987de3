"""The demo's Welsh pages: translations of the home page, the themes page, one theme
and the standard pages, made as wagtail-localize makes them (Wagtail's
copy_for_translation, with a TranslationSource so its editor offers to sync them
later) and published with the Welsh an editor would write. And two organisations'
names and two statistics, translated in wagtail-localize's own records."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from accounts.models import Organisation
from catalogue.models import Statistic
from core.translation import of_record
from demo.content import welsh
from home.models import HomePage, StandardPage
from themes.models import ThemeIndexPage, ThemePage


def translate_page(page, locale, fields):
    """The page's Welsh translation, made and published once; left alone after."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    translation.save_revision().publish()
    return translation


def translate_snippet(snippet, locale, fields):
    """The snippet's Welsh translation as an editor makes it: submitted for
    translation, each field's words translated in wagtail-localize's editor and the
    translation saved, so the editor shows the Welsh. Once; left alone after."""
    existing = snippet.get_translation_or_none(locale)
    if existing is not None:
        return existing
    TranslationCreator(user=None, target_locales=[locale]).create_translations(snippet)
    translation = Translation.objects.get(
        source__object_id=snippet.translation_key, target_locale=locale
    )
    for segment in StringSegment.objects.filter(
        source=translation.source
    ).select_related("context"):
        if segment.context.path in fields:
            StringTranslation.objects.update_or_create(
                translation_of_id=segment.string_id,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": fields[segment.context.path],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation.save_target()
    return snippet.get_translation(locale)


def create_demo_welsh(home_page):
    locale = Locale.objects.get(language_code="cy")
    translate_page(home_page.specific, locale, welsh.HOME)
    theme_index = ThemeIndexPage.objects.child_of(home_page).first()
    if theme_index is not None:
        translate_page(theme_index, locale, welsh.THEME_INDEX)
        theme = ThemePage.objects.child_of(theme_index).filter(slug=welsh.THEME_SLUG)
        if theme.exists():
            translate_page(theme.get(), locale, welsh.THEME)
    for page in StandardPage.objects.child_of(home_page):
        if page.slug in welsh.STANDARD_PAGES:
            translate_page(page, locale, welsh.STANDARD_PAGES[page.slug])
    for organisation in of_record(Organisation.objects).filter(
        acronym__in=welsh.ORGANISATIONS
    ):
        translate_snippet(
            organisation, locale, welsh.ORGANISATIONS[organisation.acronym]
        )
    for statistic in of_record(Statistic.objects).filter(slug__in=welsh.STATISTICS):
        translate_snippet(statistic, locale, welsh.STATISTICS[statistic.slug])
    return HomePage.objects.filter(locale=locale).first()
