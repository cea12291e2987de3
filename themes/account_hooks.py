"""What themes tells accounts: its notifications and the personal data it holds."""

from django.utils.translation import gettext_lazy as _

from accounts.notifications import NotificationKind
from accounts.personal_data import PersonalData, PublicContribution
from core.translation import localize, titled_in_language
from themes.models import ProducerRequest, ThemeContact, ThemeMembership, ThemeRole
from themes.roles import roles_of
from themes.services import role_group, themes_joined
from themes.views import theme_address

NOTIFICATION_KINDS = [
    NotificationKind(
        key="producer_request_received",
        link="admin_url",
        label=_("Requests to be recognised as a producer"),
        description=_(
            "For editors: when a member asks to be recognised as a producer."
        ),
    ),
    NotificationKind(
        key="producer_request_decided",
        link="theme_url",
        label=_("Decisions on your producer requests"),
        description=_("When an editor approves or declines your request."),
        optional=False,
    ),
    NotificationKind(
        key="theme_role_granted",
        link="theme_url",
        label=_("New roles in a theme"),
        description=_("When an editor makes you a chair or a producer."),
        optional=False,
    ),
]


def export_themes(user):
    return {
        "memberships": [
            {"theme": m.theme.title, "joined": m.joined_at.isoformat()}
            for m in ThemeMembership.objects.filter(user=user).select_related("theme")
        ],
        "roles": [
            {
                "theme": r.theme.title,
                "role": r.get_role_display(),
                "organisation": r.organisation.name if r.organisation else None,
                "job_title": r.job_title,
                "since": r.granted_at.isoformat(),
            }
            for r in roles_of(user)
        ],
        "producer_requests": [
            {
                "theme": r.theme.title,
                "organisation": r.organisation.name,
                "job_title": r.job_title,
                "reason": r.reason,
                "status": r.get_status_display(),
                "asked": r.created_at.isoformat(),
            }
            for r in ProducerRequest.objects.filter(user=user).select_related(
                "theme", "organisation"
            )
        ],
    }


def erase_themes(user, keep_public_posts):
    for theme_role in roles_of(user):
        role_group(theme_role.theme, theme_role.role).user_set.remove(user)
    ThemeRole.objects.filter(user=user).delete()
    ThemeMembership.objects.filter(user=user).delete()
    ProducerRequest.objects.filter(user=user).delete()
    ThemeContact.objects.filter(user=user).update(user=None)


def public_roles(user):
    held = list(roles_of(user))
    # Their organisations and themes in the reader's language: a query each.
    localize(role.organisation for role in held)
    titled_in_language(role.theme for role in held)
    return [
        PublicContribution(
            text=f"{role.get_role_display()}, {role.theme.title_in_language}"
            + (f" ({role.organisation.localized.name})" if role.organisation else ""),
            # The theme's page in the reader's language, as the posts' links are.
            url=theme_address(role.theme),
        )
        for role in held
    ]


PERSONAL_DATA = PersonalData(
    key="themes",
    label=_("Roles in themes"),
    export=export_themes,
    erase=erase_themes,
    public=public_roles,
)


def themes_followed(user):
    """The themes whose news a member hears of, for accounts.notifications."""
    return themes_joined(user)
