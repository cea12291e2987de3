from django.db import migrations

from core.permissions import grant_to_editors


def grant_editors_the_view(apps, schema_editor):
    """Editors see what became of each email received (never the message)."""
    grant_to_editors(apps, "accounts", ["view_inboundmessage"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0010_suppressions_and_send_attempts"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(grant_editors_the_view, migrations.RunPython.noop),
    ]
