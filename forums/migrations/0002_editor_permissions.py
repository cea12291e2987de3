from django.db import migrations

from core.permissions import grant_to_editors


def grant_editors_moderation(apps, schema_editor):
    """Editors moderate every theme; chairs moderate their own through their role."""
    grant_to_editors(apps, "forums", ["moderate_all_themes", "view_report"])


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(grant_editors_moderation, migrations.RunPython.noop)
    ]
