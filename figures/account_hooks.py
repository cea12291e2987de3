"""What figures tells accounts: the "Did this meet your need?" email, and the
member's answers."""

from django.utils.translation import gettext_lazy as _

from accounts.notifications import NotificationKind
from accounts.personal_data import PersonalData
from figures.models import SatisfactionAsk

NOTIFICATION_KINDS = [
    NotificationKind(
        key="satisfaction",
        link="url",
        label=_("Did it meet your need?"),
        description=_(
            "Once, after a data gap you support is met or closed, a "
            "consultation you responded to publishes its outcome, or your question "
            "is answered: did it meet your need?"
        ),
    ),
]


def export_answers(user):
    return [
        {
            "about": ask.title,
            "asked": ask.asked_at.isoformat(),
            "met your need": ask.satisfied,
            "comment": ask.comment,
            "answered": ask.answered_at.isoformat() if ask.answered_at else None,
        }
        for ask in SatisfactionAsk.objects.filter(user=user).order_by("asked_at")
    ]


def erase_answers(user, keep_public_posts):
    # The comment is the member's words; the yes or no stays in the figures.
    SatisfactionAsk.objects.filter(user=user).update(comment="")


PERSONAL_DATA = PersonalData(
    key="satisfaction",
    label=_("Whether outcomes met your need"),
    export=export_answers,
    erase=erase_answers,
)
