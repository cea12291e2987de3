from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Consultations"

    def ready(self):
        from accounts import notifications, personal_data
        from consultations import signals  # noqa: F401
        from consultations.account_hooks import CONSULTATIONS_DATA
        from consultations.notifications import KINDS

        personal_data.register(CONSULTATIONS_DATA)
        for kind in KINDS:
            notifications.register_kind(kind)
