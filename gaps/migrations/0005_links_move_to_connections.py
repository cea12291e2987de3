# The gap's discussions and meetings now belong to the connections app, which
# takes over their tables: only the model state changes here.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("gaps", "0004_organisation_in_accounts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="datagap", name="meetings"),
                migrations.RemoveField(model_name="datagap", name="threads"),
            ],
        ),
    ]
