from django.db import migrations

from core.permissions import grant_to_editors


def grant_editors_view_thread(apps, schema_editor):
    """Moderation is logged against threads; Wagtail's site history shows a log entry
    only to people holding a permission on its object's model."""
    grant_to_editors(apps, "forums", ["view_thread"])


class Migration(migrations.Migration):
    dependencies = [("forums", "0002_editor_permissions")]

    operations = [
        migrations.RunPython(grant_editors_view_thread, migrations.RunPython.noop)
    ]
