from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = "Discussions"

    def ready(self):
        from accounts import notifications, personal_data
        from forums.account_hooks import DISCUSSIONS_DATA
        from forums.notifications import KINDS

        personal_data.register(DISCUSSIONS_DATA)
        for kind in KINDS:
            notifications.register_kind(kind)
