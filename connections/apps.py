from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectionsConfig(AppConfig):
    name = "connections"
    verbose_name = _("Connections between features")

    def ready(self):
        from connections.panels import add_link_panels

        add_link_panels()
