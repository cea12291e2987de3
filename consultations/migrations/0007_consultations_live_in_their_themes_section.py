# Each theme gets its "Consultations" index page, and its consultations move under
# it: their tree path is now their address, /themes/<theme>/consultations/<slug>/,
# the one ThemePage.route() and get_url_parts() used to make up.

from django.db import migrations

from themes import section_migrations


def gather(apps, schema_editor):
    section_migrations.gather_into_sections(
        apps,
        "consultations",
        "ConsultationIndexPage",
        "ConsultationPage",
        "consultations",
        "Consultations",
        moved_elsewhere=["events"],
    )


def spread(apps, schema_editor):
    section_migrations.spread_out_of_sections(apps, "consultations", "ConsultationIndexPage")


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0006_consultationindexpage"),
        ("themes", "0003_organisation_moves_to_accounts"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(gather, spread)]
