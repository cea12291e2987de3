"""Words other packages show on our pages that their catalogues have no Welsh for:
allauth's (it ships no Welsh), Django's password checks and its `timesince` ("3
days", which its Welsh has under older words). Listed in their exact English so
`make messages` keeps them in our catalogue, which comes first (LOCALE_PATHS) and
gives their Welsh. Nothing imports this module.
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
    # Django's timesince ("last activity 3 days ago"), and the separator between
    # its parts, which Django's Welsh gives without its space ("1 mis,1 wythnos").
    ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
    gettext_noop(", "),
]
