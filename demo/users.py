"""Demo users for a local site, with verified email addresses."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User

DEMO_USERS = [
    {
        "email": "member@example.org",
        "first_name": "Maya",
        "last_name": "Okafor",
        "role": "member",
    },
    {
        "email": "producer@example.org",
        "first_name": "Priya",
        "last_name": "Shah",
        "role": "statistics producer",
    },
    {
        "email": "chair@example.org",
        "first_name": "Callum",
        "last_name": "Reid",
        "role": "forum chair",
    },
    {
        "email": "editor@example.org",
        "first_name": "Eleri",
        "last_name": "Jones",
        "role": "editor",
        "groups": ["Editors", "Moderators"],
    },
]


def create_demo_users(password):
    """Create the demo users who are missing; leave existing ones as they are.

    Returns them by the part of their email address before the @: member, producer…
    """
    users = {}
    for spec in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=spec["email"],
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                # Established members: their posts need no moderator's approval.
                "trusted_since": timezone.now(),
                "date_joined": timezone.now() - timedelta(days=180),
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
            user.groups.add(*Group.objects.filter(name__in=spec.get("groups", [])))
            EmailAddress.objects.create(
                user=user, email=user.email, verified=True, primary=True
            )
        users[spec["email"].split("@")[0]] = user
    return users
