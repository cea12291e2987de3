from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import permissions
        from accounts.hooks import register_account_hooks

        register_account_hooks()
        permissions.connect()
