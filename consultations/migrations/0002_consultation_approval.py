from django.db import migrations

from core.permissions import EDITOR_GROUPS, grant_to_editors

WORKFLOW = "Consultation approval"
TASK = "Editors approve the consultation"


def let_editors_approve(apps, schema_editor):
    grant_to_editors(
        apps, "consultations", ["approve_consultation", "see_all_responses"]
    )


def create_consultation_approval(apps, schema_editor):
    """Editors approve (and so publish) the consultations producers submit."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    # Historical models do not fill in a task's content type by themselves.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": content_type, "active": True}
    )
    task.groups.set(Group.objects.filter(name__in=EDITOR_GROUPS))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("events", "0003_minutes_approval"),
    ]

    operations = [
        migrations.RunPython(let_editors_approve, migrations.RunPython.noop),
        migrations.RunPython(create_consultation_approval, migrations.RunPython.noop),
    ]
