from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    # Not "statistics": that is a standard-library module, as "site" is.
    name = "catalogue"
    verbose_name = "Statistics"
