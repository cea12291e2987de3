from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "themes"
    verbose_name = "Themes"

    def ready(self):
        from accounts import notifications, personal_data
        from themes import signals  # noqa: F401
        from themes.account_hooks import NOTIFICATION_KINDS, THEMES_DATA, theme_source

        for kind in NOTIFICATION_KINDS:
            notifications.register_kind(kind)
        personal_data.register(THEMES_DATA)
        notifications.set_theme_source(theme_source)
