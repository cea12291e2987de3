"""Words other packages show on our account pages that their catalogues have no Welsh
for: allauth's (it ships no Welsh) and Django's password checks (its Welsh lacks
them). Listed in their exact English so `make messages` keeps them in our catalogue,
which comes first (LOCALE_PATHS) and gives their Welsh. Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

BORROWED = [
    # allauth, when a new password and its repeat differ (sign-up, change, reset).
    gettext_noop("You must type the same password each time."),
    # Django's password validators (AUTH_PASSWORD_VALIDATORS).
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "count",
    ),
]
