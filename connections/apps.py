from django.apps import AppConfig


class ConnectionsConfig(AppConfig):
    name = "connections"
    verbose_name = "Connections between features"

    def ready(self):
        from connections.panels import add_link_panels

        add_link_panels()
