from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "themes"
    verbose_name = "Themes"

    def ready(self):
        from themes import signals  # noqa: F401
