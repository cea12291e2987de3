# Organisation moved from themes to accounts (accounts 0005, themes 0003): only
# Django's record of this link changes; the column and its foreign key stay.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0004_thread_stays_when_its_author_leaves"),
        ("accounts", "0005_organisation_moves_from_themes"),
    ]
    # themes forgets the model only once no link points at it there.
    run_before = [("themes", "0003_organisation_moves_to_accounts")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="thread",
                    name="answered_by",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="accounts.organisation"),
                ),
            ],
        ),
    ]
