from django.db import migrations

from core.permissions import grant_to_editors

MODELS = ["organisation", "themerole", "producerrequest"]
ACTIONS = ["add", "change", "delete", "view"]


def grant_editors_theme_rights(apps, schema_editor):
    """Editors manage organisations, appoint chairs and decide producer requests."""
    grant_to_editors(apps, "themes", [f"{a}_{m}" for a in ACTIONS for m in MODELS])


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(grant_editors_theme_rights, migrations.RunPython.noop)
    ]
