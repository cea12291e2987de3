from django.apps import AppConfig


class GapsConfig(AppConfig):
    name = "gaps"
    verbose_name = "Data gaps"

    def ready(self):
        from accounts import notifications, personal_data, trust
        from gaps.account_hooks import GAPS_DATA, gaps_others_see
        from gaps.notifications import KINDS

        personal_data.register(GAPS_DATA)
        trust.register_public_posts(gaps_others_see)
        for kind in KINDS:
            notifications.register_kind(kind)
