# What a consultation concerns (its data gaps and discussions) now belongs to the
# connections app, which takes over the tables: only the model state changes here.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0004_organisation_in_accounts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ConsultationGapLink"),
                migrations.DeleteModel(name="ConsultationThreadLink"),
            ],
        ),
    ]
