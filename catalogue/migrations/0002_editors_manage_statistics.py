from django.db import migrations

from core.permissions import grant_to_editors


def let_editors_manage(apps, schema_editor):
    """Editors manage every producer's statistics; producers get theirs by role."""
    grant_to_editors(
        apps,
        "catalogue",
        ["add_statistic", "change_statistic", "delete_statistic", "view_statistic"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_statistics_and_their_contacts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(let_editors_manage, migrations.RunPython.noop)]
