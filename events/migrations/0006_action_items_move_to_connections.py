# Action items link discussions and data gaps, so they now belong to the
# connections app, which takes over their table: only the model state changes here.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_organisation_in_accounts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ActionItem")],
        ),
    ]
