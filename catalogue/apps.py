from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    # Not "statistics": that is a standard-library module, as "site" is.
    name = "catalogue"
    verbose_name = _("Statistics")
