from django.db import migrations

from core.permissions import grant_to_editors

DEFAULT = "en-gb"
WELSH = "cy"


def make_locales(apps, schema_editor):
    """English (en-gb) and Welsh locales for editors' pages. A site made before
    Welsh has one locale, which all its pages are in: it becomes en-gb, so they
    keep it, whatever it was called."""
    Locale = apps.get_model("wagtailcore", "Locale")
    if not Locale.objects.filter(language_code=DEFAULT).exists():
        existing = Locale.objects.order_by("pk").first()
        if existing is not None:
            existing.language_code = DEFAULT
            existing.save(update_fields=["language_code"])
        else:
            Locale.objects.create(language_code=DEFAULT)
    Locale.objects.get_or_create(language_code=WELSH)


def remove_welsh(apps, schema_editor):
    # Only an empty Welsh locale goes; Welsh pages keep theirs (PROTECT refuses).
    apps.get_model("wagtailcore", "Locale").objects.filter(language_code=WELSH).delete()


def let_editors_translate(apps, schema_editor):
    """Editors translate pages with wagtail-localize; chairs and producers do not."""
    grant_to_editors(apps, "wagtail_localize", ["submit_translation"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(make_locales, remove_welsh),
        migrations.RunPython(let_editors_translate, migrations.RunPython.noop),
    ]
