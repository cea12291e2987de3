from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Meetings"

    def ready(self):
        from events import signals  # noqa: F401
