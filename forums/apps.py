from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = "Discussions"

    def ready(self):
        from accounts import notifications, personal_data, trust
        from forums.account_hooks import DISCUSSIONS_DATA, posts_others_see
        from forums.notifications import KINDS

        personal_data.register(DISCUSSIONS_DATA)
        trust.register_public_posts(posts_others_see)
        for kind in KINDS:
            notifications.register_kind(kind)
