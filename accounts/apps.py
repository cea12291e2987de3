from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from accounts import notifications, personal_data
        from accounts.account_data import ACCOUNT_DATA, DATA_EXPORT_READY

        notifications.register_kind(DATA_EXPORT_READY)
        personal_data.register(ACCOUNT_DATA)
