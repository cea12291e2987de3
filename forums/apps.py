from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = "Discussions"

    def ready(self):
        from forums import signals  # noqa: F401
