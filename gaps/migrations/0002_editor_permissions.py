from django.db import migrations

from core.permissions import grant_to_editors


def grant_editors_triage(apps, schema_editor):
    """Editors triage data gaps in every theme."""
    # Gaps change only through triage (gaps.services.change_status), so editors
    # need no model rights beyond this.
    grant_to_editors(apps, "gaps", ["triage_all_themes"])


class Migration(migrations.Migration):
    dependencies = [
        ("gaps", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(grant_editors_triage, migrations.RunPython.noop)
    ]
