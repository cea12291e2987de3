"""The demo's Welsh pages: translations of the home page, the themes page, one theme
and the standard pages, made as wagtail-localize makes them (Wagtail's
copy_for_translation, with a TranslationSource so its editor offers to sync them
later) and published with the Welsh an editor would write."""

from wagtail.models import Locale

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
    return HomePage.objects.filter(locale=locale).first()
