from django.apps import AppConfig
from django.urls import register_converter

from core.ids import IdConverter

# Registered as soon as the app is loaded: routable pages build their routes when
# their models are imported, before any URLconf.
register_converter(IdConverter, "id")


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import checks  # noqa: F401 (registers them)
