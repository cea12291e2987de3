from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("gaps", "0006_gaps_name_statistics"),
    ]

    operations = [
        migrations.AddField(
            model_name="gapupdate",
            name="author_labels",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
