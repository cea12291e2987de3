# The end of Organisation's move to accounts (accounts 0005): themes' own links
# point at accounts.Organisation, and themes forgets the model. The features' links
# are moved by their own migrations, which run before this one. Nothing changes in
# the database but the content type, so that the organisations' permissions, search
# entries and history follow them.

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def content_type_to(app_label, from_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        moving = ContentType.objects.filter(app_label=from_label, model="organisation")
        if moving.exists():
            # One made meanwhile for the other side (after migrating back) holds no
            # grants of its own: the original keeps the editors' permissions.
            ContentType.objects.filter(
                app_label=app_label, model="organisation"
            ).delete()
            moving.update(app_label=app_label)
        ContentType.objects.clear_cache()

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_organisation_moves_from_themes"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("themes", "0002_editor_permissions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="themecontact",
                    name="organisation",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="contacts", to="accounts.organisation"),
                ),
                migrations.AlterField(
                    model_name="themerole",
                    name="organisation",
                    field=models.ForeignKey(blank=True, help_text="Who they speak for: shown beside their posts.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name="roles", to="accounts.organisation"),
                ),
                migrations.AlterField(
                    model_name="producerrequest",
                    name="organisation",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="accounts.organisation"),
                ),
                migrations.AlterField(
                    model_name="themepage",
                    name="organisations",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text="The producers and user bodies involved in this theme.", related_name="themes", to="accounts.organisation"),
                ),
                migrations.DeleteModel(name="Organisation"),
            ],
        ),
        migrations.RunPython(
            content_type_to("accounts", from_label="themes"),
            content_type_to("themes", from_label="accounts"),
        ),
    ]
