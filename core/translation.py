"""Editors' pages in Welsh (wagtail-localize): which page is the one of record, and
the addresses of a page in each language.

English (the default locale) is the language of record: every page in Welsh is a
translation of an English page (the same `translation_key`), and member-made content
(threads, gaps, registrations, responses) is attached to the English page only, so
both languages show the same discussions. docs/architecture.md, "Content in Welsh".
"""

import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import translation
from django.utils.translation import get_supported_language_variant, gettext, pgettext


def default_language():
    """The language code of the default locale, the one of record (en-gb)."""
    return get_supported_language_variant(settings.LANGUAGE_CODE)


def of_record(objects):
    """Of a queryset of pages or translatable snippets, those in the default locale:
    no translations."""
    return objects.filter(locale__language_code=default_language())


def in_language_of_record():
    """For a field's `limit_choices_to`: only the rows of record are offered."""
    return Q(locale__language_code=default_language())


LOCALES_KEY = "core.translation.locales"


def language_of(page):
    """The language code of a page's (or snippet's) locale, without a query: the
    locales (two, made by a migration) are kept in the shared cache, read again when
    one is new."""
    codes = cache.get(LOCALES_KEY)
    if codes is None or page.locale_id not in codes:
        from wagtail.models import Locale

        codes = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set(LOCALES_KEY, codes, None)
    return codes.get(page.locale_id)


def is_of_record(page):
    return language_of(page) == default_language()


def original(page):
    """The page of record of `page`: itself, or the English page it translates."""
    if is_of_record(page):
        return page
    return (
        of_record(
            type(page).objects.filter(translation_key=page.translation_key)
        ).first()
        or page
    )


def is_fallback(page):
    """Whether `page` is served in another language than the one asked for: a page
    with no Welsh translation, shown in English at its /cy/ address."""
    return language_of(page) != translation.get_language()


def localized(pages):
    """Each page of record in the address's language: its live translation where it
    has one, else itself (shown in English). One query, for a whole list; none for
    pages already in that language. Pages of several kinds (a breadcrumb trail's)
    are found as Wagtail `Page`s: their titles and addresses, not their own fields."""
    pages = list(pages)
    language = translation.get_language()
    if not pages or language in (None, default_language()):
        return pages
    keys = [page.translation_key for page in pages if language_of(page) != language]
    if not keys:
        return pages
    kinds = {type(page) for page in pages}
    if len(kinds) == 1:
        (model,) = kinds
    else:
        from wagtail.models import Page as model
    translations = model.objects.live().filter(
        translation_key__in=keys, locale__language_code=language
    )
    found = {page.translation_key: page for page in translations}
    return [
        page if language_of(page) == language else found.get(page.translation_key, page)
        for page in pages
    ]


def titled_in_language(pages):
    """Give each page of record (a theme) `title_in_language`: its live translation's
    title in the active language where it has one, else its own. One query for them
    all in Welsh, none in English; none again for pages already titled in it."""
    pages = [page for page in pages if page is not None]
    language = translation.get_language()
    pending = [page for page in pages if page.__dict__.get("_titled_in") != language]
    for page, shown in zip(pending, localized(pending), strict=True):
        page.title_in_language = shown.title
        page._titled_in = language
    return pages


def title_in_language(page):
    """A page of record's (a theme's) title in the active language: its live
    translation's where it has one ("" for no page). Free for a page of a list
    already titled (`titled_in_language`); one query alone, in Welsh."""
    if not page:
        return ""
    (page,) = titled_in_language([page])
    return page.title_in_language


def titled_by(page, shown):
    """Give a page of record `title_in_language` from `shown`, its translation at
    hand (the page being served), when that is in the active language: no query."""
    language = translation.get_language()
    if language_of(shown) == language:
        page.title_in_language = shown.title
        page._titled_in = language
    return page


def in_reading_order(objects, label):
    """`objects` in the order of the words a reader sees of each (`label(obj)`): on a
    page in another language than the one of record, its translations put them out
    of the database's order, so they are sorted again in its alphabet (`sort_key`)."""
    objects = list(objects)
    if translation.get_language() in (None, default_language()):
        return objects
    return sorted(objects, key=lambda obj: sort_key(label(obj)))


class LocalizedInBulk:
    """For a translatable snippet (before `TranslatableMixin` in its bases): its
    `.localized`, Wagtail's translation in the active language or itself, costs no
    query in its own language, nor once `localize()` has found it for a whole list."""

    @property
    def localized(self):
        language = translation.get_language()
        found = self.__dict__.get("_localized")
        if found is not None and found[0] == language:
            return found[1]
        if language_of(self) == language:
            return self
        return super().localized


def taken_in_its_locale(instance, field):
    """Whether another row in `instance`'s locale (English for a new one) has its
    value of `field`: a uniqueness per language that a form can report beside the
    field, where the database's (field, locale) constraint could only refuse."""
    from wagtail.models import Locale

    locale_id = instance.locale_id or Locale.get_default().pk
    return (
        type(instance)
        ._default_manager.filter(
            locale_id=locale_id, **{field: getattr(instance, field)}
        )
        .exclude(pk=instance.pk)
        .exists()
    )


def localize(objects):
    """Find the `.localized` of each snippet (of any translatable models) in the
    active language: one query a model, whatever the number. Returns them, in order,
    as they were: foreign keys keep naming the rows of record."""
    objects = [obj for obj in objects if obj is not None]
    language = translation.get_language()
    if language is None:
        return objects
    if language == default_language():
        # Rows of record (what lists and foreign keys hold) are their own: nothing
        # to find, not even their locale.
        for obj in objects:
            obj._localized = (language, obj)
        return objects
    pending = {}
    for obj in objects:
        found = obj.__dict__.get("_localized")
        if language_of(obj) != language and (found is None or found[0] != language):
            pending.setdefault(type(obj), []).append(obj)
    for model, rows in pending.items():
        found = {
            row.translation_key: row
            for row in model._default_manager.filter(
                translation_key__in={obj.translation_key for obj in rows},
                locale__language_code=language,
            )
        }
        for obj in rows:
            obj._localized = (language, found.get(obj.translation_key, obj))
    return objects


IN_LANGUAGES = "in_languages"


def in_each_language(objects, field="name", translations=None):
    """For a stored email context (JSON, rendered later in each reader's language):
    `field` of each snippet of record in every language it is translated into, as
    {IN_LANGUAGES: {language code: words}}, which `words_in` reads. One query a
    model, whatever the number. `translations(model)`, when given, is the queryset
    the translations are read from (a page's live ones)."""
    objects = [obj for obj in objects if obj is not None]
    found = {}
    for model in {type(obj) for obj in objects}:
        rows = (
            (translations(model) if translations else model._default_manager)
            .filter(
                translation_key__in={
                    obj.translation_key for obj in objects if type(obj) is model
                }
            )
            .values_list("translation_key", "locale__language_code", field)
        )
        for key, language, words in rows:
            found.setdefault((model, key), {})[language] = words
    return [
        {
            IN_LANGUAGES: {
                default_language(): getattr(obj, field),
                **found.get((type(obj), obj.translation_key), {}),
            }
        }
        for obj in objects
    ]


def titles_in_each_language(pages):
    """Pages' titles (themes') stored as `in_each_language` stores names: in each
    language a page has a live translation in, as it is now; a draft's title is no
    title readers have seen. One query, whatever the number."""
    return in_each_language(
        pages, field="title", translations=lambda model: model.objects.live()
    )


def title_in_each_language(page):
    """`titles_in_each_language` of one page ("" for none)."""
    if page is None:
        return ""
    (title,) = titles_in_each_language([page])
    return title


def said_in_each_language(say):
    """The site's own words that `say()` gives (a label, gettext'd), said in each of
    the site's languages and kept as `in_each_language` keeps names, for `words_in`:
    words stored as they were then and shown in each reader's language."""
    words = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            words[get_supported_language_variant(language)] = str(say())
    return {IN_LANGUAGES: words}


def words_in(value, language):
    """A value of `in_each_language` in `language` (the language of record's words
    where it has none); any other value as it is."""
    if not isinstance(value, dict) or IN_LANGUAGES not in value:
        return value
    words = value[IN_LANGUAGES]
    try:
        language = get_supported_language_variant(language)
    except LookupError:
        language = default_language()
    return words.get(language) or words.get(default_language(), "")


def joined_with_and(words):
    """'Ann, Bob and Cy' in the active language: Welsh writes "ac" for "and" before
    a vowel ("Ann ac Ifan"), "a" otherwise."""
    if len(words) < 2:
        return "".join(words)
    joined = (
        pgettext("before a vowel", "%(names)s and %(last)s")
        if starts_with_a_vowel(words[-1])
        else gettext("%(names)s and %(last)s")
    )
    return joined % {"names": ", ".join(words[:-1]), "last": words[-1]}


# Welsh vowels, with the circumflex and the other accents names carry.
VOWELS = set("aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ")


def starts_with_a_vowel(words):
    """Whether `words` start with a vowel: W and Y count, as in Welsh, except before
    a vowel (William, Yasmin), where they sound as consonants."""
    letters = words.strip().lower()
    if not letters or letters[0] not in VOWELS:
        return False
    return not (letters[0] in "wy" and letters[1:2] in VOWELS)


# The Welsh alphabet, with the letters Welsh words borrow (k, q, v, x, z) where
# English puts them. 'ng' is always read as one letter, though in some words (Bangor,
# dangos) it is n then g: telling them apart needs a dictionary, and a word misplaced
# by one letter in a list is the lesser harm.
WELSH_LETTERS = (
    "a b c ch d dd e f ff g ng h i j k l ll m n o p ph q r rh s t th u v w x y z"
)
WELSH_ORDER = {letter: place for place, letter in enumerate(WELSH_LETTERS.split())}
WELSH_DIGRAPHS = {letter for letter in WELSH_ORDER if len(letter) == 2}


def sort_key(words):
    """For sorting names in the active language: in Welsh, in the order of the Welsh
    alphabet, where ch, dd, ff, ng, ll, ph, rh and th are letters of their own
    ('Llanelli' after 'Lyon'); in English, as before (casefolded)."""
    folded = words.casefold()
    if translation.get_language() != "cy":
        return folded
    # Accents (â, ŵ, ŷ) do not move a word among others: they only break a tie.
    plain = "".join(
        character
        for character in unicodedata.normalize("NFD", folded)
        if not unicodedata.combining(character)
    )
    letters, at = [], 0
    while at < len(plain):
        letter = plain[at : at + 2]
        if letter not in WELSH_DIGRAPHS:
            letter = plain[at]
        at += len(letter)
        # Spaces, digits and signs come before every letter, in their own order.
        place = WELSH_ORDER.get(letter)
        letters.append((1, place) if place is not None else (0, ord(letter)))
    return (letters, folded)
