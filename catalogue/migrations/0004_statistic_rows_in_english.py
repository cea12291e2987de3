from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    """Every statistic made before translation is English, the language of record (the
    first step of Wagtail's "Adding translatable snippets to an existing project")."""

    dependencies = [
        ("catalogue", "0003_translatable_bootstrap"),
        # The locales (en-gb and cy) are made here.
        ("home", "0002_content_locales"),
    ]

    operations = [BootstrapTranslatableModel("catalogue.Statistic")]
