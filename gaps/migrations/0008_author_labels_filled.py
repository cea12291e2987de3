"""Each timeline entry's 'who answered', stored as one English string, in each
language: the English as it was stored; the Welsh said again from its parts, the
role (always written in English then) and the organisation (its Welsh name where it
has one), and the stored words for a part that is no longer known."""

from django.conf import settings
from django.db import migrations
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

IN_LANGUAGES = "in_languages"  # core.translation's, as it was written
EDITOR = gettext_noop("Editor")
ROLES = [gettext_noop("Forum chair"), gettext_noop("Statistics producer")]


def languages():
    return [
        translation.get_supported_language_variant(code)
        for code, _name in settings.LANGUAGES
    ]


def organisation_names(apps, name):
    """The organisation of record called `name` in each language it has, or None."""
    organisations = apps.get_model("accounts", "Organisation").objects
    english = translation.get_supported_language_variant(settings.LANGUAGE_CODE)
    found = organisations.filter(name=name, locale__language_code=english).first()
    if found is None:
        return None
    return dict(
        organisations.filter(translation_key=found.translation_key).values_list(
            "locale__language_code", "name"
        )
    )


def said_again(apps, stored, language):
    """`stored` (written in English) in `language`, as far as its parts are known."""
    with translation.override(language):
        if stored == EDITOR:
            return gettext(EDITOR)
        organisation, _comma, role = stored.rpartition(", ")
        if role not in ROLES:
            return stored
        if not organisation:
            return gettext(role)
        names = organisation_names(apps, organisation) or {}
        return f"{names.get(language) or organisation}, {gettext(role)}"


def fill(apps, schema_editor):
    updates = apps.get_model("gaps", "GapUpdate").objects
    english = translation.get_supported_language_variant(settings.LANGUAGE_CODE)
    labelled = updates.exclude(author_label="")
    # Few producers and chairs said many things: each label is worked out once.
    for stored in labelled.values_list("author_label", flat=True).distinct():
        words = {
            language: stored
            if language == english
            else said_again(apps, stored, language)
            for language in languages()
        }
        labelled.filter(author_label=stored).update(author_labels={IN_LANGUAGES: words})


def empty(apps, schema_editor):
    """Back to one string: the English."""
    updates = apps.get_model("gaps", "GapUpdate").objects
    english = translation.get_supported_language_variant(settings.LANGUAGE_CODE)
    for update in updates.exclude(author_labels={}):
        words = update.author_labels.get(IN_LANGUAGES, {})
        update.author_label = words.get(english, "")[:200]
        update.save(update_fields=["author_label"])


class Migration(migrations.Migration):
    dependencies = [
        ("gaps", "0007_author_labels_in_each_language"),
        ("accounts", "0015_translatable"),
    ]

    operations = [migrations.RunPython(fill, empty)]
