from django.apps import AppConfig


class GapsConfig(AppConfig):
    name = "gaps"
    verbose_name = "Data gaps"

    def ready(self):
        from accounts import notifications, personal_data
        from gaps.account_hooks import GAPS_DATA
        from gaps.notifications import KINDS

        personal_data.register(GAPS_DATA)
        for kind in KINDS:
            notifications.register_kind(kind)
