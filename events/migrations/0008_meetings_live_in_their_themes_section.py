# Each theme gets its "Meetings" index page, and its meetings (with their minutes)
# move under it: their tree path is now their address, /themes/<theme>/meetings/<slug>/,
# the one ThemePage.route() and get_url_parts() used to make up.

from django.db import migrations

from themes import section_migrations


def gather(apps, schema_editor):
    section_migrations.gather_into_sections(
        apps,
        "events",
        "MeetingIndexPage",
        "EventPage",
        "meetings",
        "Meetings",
        moved_elsewhere=["consultations"],
    )


def spread(apps, schema_editor):
    section_migrations.spread_out_of_sections(apps, "events", "MeetingIndexPage")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_meetingindexpage"),
        ("themes", "0003_organisation_moves_to_accounts"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(gather, spread)]
