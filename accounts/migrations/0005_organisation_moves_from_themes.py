# Organisation moves down from themes to accounts, which knows no theme. Only
# Django's record of the models changes: the table, its rows and every foreign key
# pointing at it stay as they are. themes 0003 ends the move.

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_theme_suspension"),
        ("themes", "0002_editor_permissions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Organisation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200, unique=True)),
                        ("acronym", models.CharField(blank=True, max_length=20)),
                        ("website", models.URLField(blank=True)),
                        ("kind", models.CharField(choices=[("producer", "Producer body"), ("user", "User body")], default="producer", max_length=20)),
                    ],
                    options={
                        "ordering": ["name"],
                        "db_table": "themes_organisation",
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.AlterField(
                    model_name="user",
                    name="organisation",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="members", to="accounts.organisation"),
                ),
            ],
        ),
    ]
