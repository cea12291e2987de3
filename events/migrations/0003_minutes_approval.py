from django.db import migrations

from core.permissions import grant_to_editors
from core.workflows import create_editors_approval

WORKFLOW = "Minutes approval"
TASK = "Editors approve the minutes"


def let_editors_publish(apps, schema_editor):
    """Wagtail's Editors may add and edit pages but not publish; here they do."""
    grant_to_editors(apps, "events", ["approve_minutes"])
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")
    publish = Permission.objects.get(
        content_type__app_label="wagtailcore", codename="publish_page"
    )
    for group in Group.objects.filter(name="Editors"):
        for root in Page.objects.filter(depth=1):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=publish
            )


def create_minutes_approval(apps, schema_editor):
    """Editors approve (and so publish) the minutes chairs submit."""
    create_editors_approval(apps, WORKFLOW, TASK)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_minutes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(let_editors_publish, migrations.RunPython.noop),
        migrations.RunPython(create_minutes_approval, migrations.RunPython.noop),
    ]
