from django.apps import AppConfig


class GapsConfig(AppConfig):
    name = "gaps"
    verbose_name = "Data gaps"
