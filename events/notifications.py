"""The emails meetings send, through the accounts notification backbone."""

from accounts.notifications import NotificationKind

KINDS = [
    NotificationKind(
        key="meeting_registration",
        label="Your meeting registrations",
        description="Confirmations, waiting-list places, cancellations, and changes "
        "to the time, place or status of a meeting you registered for.",
        optional=False,
    ),
    NotificationKind(
        key="meeting_reminder",
        label="Meeting reminders",
        description="A week and a day before a meeting you registered for.",
    ),
    NotificationKind(
        key="minutes_published",
        label="Published minutes",
        description="When the minutes of a meeting in a theme you have joined, or a "
        "meeting you registered for, are published.",
        per_theme=True,
    ),
]
