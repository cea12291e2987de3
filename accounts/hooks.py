"""What each app tells accounts, found in its `account_hooks` module.

As the admin finds every app's `admin` module, accounts reads every app's
`account_hooks` once the apps are loaded. A module may declare:

- `PERSONAL_DATA`: what a member contributed there, for export and erasure;
- `NOTIFICATION_KINDS`: the kinds of notification the app sends;
- `posts_others_see(user)`: how many of the member's posts others can see, for the
  trust rules;
- `themes_followed(user)`: the themes whose news a member hears of;
- `REPLY_TARGETS`: what members may answer by email (`accounts.replies.ReplyTarget`);
- `MAILBOXES`: {prefix: handler} for mail to `<prefix>+<token>@` our domain
  (`accounts.inbound`).
"""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from accounts import inbound, notifications, personal_data, replies, trust


def register_account_hooks():
    from allauth.account.signals import email_changed

    email_changed.connect(forget_old_suppressions, dispatch_uid="accounts.suppressions")
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "account_hooks"):
            continue
        hooks = import_module(f"{config.name}.account_hooks")
        if hasattr(hooks, "PERSONAL_DATA"):
            personal_data.register(hooks.PERSONAL_DATA)
        for kind in getattr(hooks, "NOTIFICATION_KINDS", ()):
            notifications.register_kind(kind)
        if hasattr(hooks, "posts_others_see"):
            trust.register_public_posts(hooks.posts_others_see)
        if hasattr(hooks, "themes_followed"):
            notifications.set_theme_source(hooks.themes_followed)
        for target in getattr(hooks, "REPLY_TARGETS", ()):
            replies.register_target(target)
        for prefix, handler in getattr(hooks, "MAILBOXES", {}).items():
            inbound.register_mailbox(prefix, handler)


def forget_old_suppressions(sender, user, **kwargs):
    """A new address is emailed; what stopped the old one is no longer kept."""
    from accounts.suppressions import forget_other_addresses

    forget_other_addresses(user)
