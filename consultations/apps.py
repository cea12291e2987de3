from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Consultations"

    def ready(self):
        from consultations import signals  # noqa: F401
