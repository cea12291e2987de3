"""The emails meetings send, through the accounts notification backbone."""

from accounts.notifications import NotificationKind

KINDS = [
    NotificationKind(
        key="meeting_registration",
        label="Your meeting registrations",
        description="Confirmations, waiting-list places and cancellations.",
        optional=False,
    ),
]
