from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models.i18n import bootstrap_translatable_model


def rows_in_english(apps, schema_editor):
    # As Wagtail's BootstrapTranslatableModel, but making the default locale when a
    # database has none (a test database flushed, then migrated back and forth).
    Locale = apps.get_model("wagtailcore", "Locale")
    english, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    bootstrap_translatable_model(apps.get_model("catalogue.Statistic"), english)


class Migration(migrations.Migration):
    """Every statistic made before translation is English, the language of record (the
    first step of Wagtail's "Adding translatable snippets to an existing project")."""

    dependencies = [
        ("catalogue", "0003_translatable_bootstrap"),
        # The locales (en-gb and cy) are made here.
        ("home", "0002_content_locales"),
    ]

    operations = [migrations.RunPython(rows_in_english, migrations.RunPython.noop)]
