from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("gaps", "0008_author_labels_filled"),
    ]

    operations = [
        migrations.RemoveField(model_name="gapupdate", name="author_label"),
    ]
