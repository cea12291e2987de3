from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Meetings"

    def ready(self):
        from accounts import notifications
        from events.notifications import KINDS

        for kind in KINDS:
            notifications.register_kind(kind)
