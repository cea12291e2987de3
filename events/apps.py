from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Meetings"

    def ready(self):
        from accounts import notifications, personal_data
        from events import signals  # noqa: F401
        from events.account_hooks import MEETINGS_DATA
        from events.notifications import KINDS

        personal_data.register(MEETINGS_DATA)
        for kind in KINDS:
            notifications.register_kind(kind)
