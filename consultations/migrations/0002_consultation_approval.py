from django.db import migrations

from core.permissions import grant_to_editors
from core.workflows import create_editors_approval

WORKFLOW = "Consultation approval"
TASK = "Editors approve the consultation"


def let_editors_approve(apps, schema_editor):
    grant_to_editors(
        apps, "consultations", ["approve_consultation", "see_all_responses"]
    )


def create_consultation_approval(apps, schema_editor):
    """Editors approve (and so publish) the consultations producers submit."""
    create_editors_approval(apps, WORKFLOW, TASK)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(let_editors_approve, migrations.RunPython.noop),
        migrations.RunPython(create_consultation_approval, migrations.RunPython.noop),
    ]
