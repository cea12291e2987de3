"""Every demo user, with a verified email address; nobody else creates one."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from demo.content.users import DEMO_MEMBERS, DEMO_USERS


def create_demo_users(password):
    """Create the demo users who are missing; leave existing ones as they are.

    Returns everyone by a short name: the sign-ins by the part of their email
    address before the @ (member, producer…), the members by their key (rafael…).
    """
    users = {}
    for spec in DEMO_USERS:
        fields = {"first_name": spec["first_name"], "last_name": spec["last_name"]}
        groups = spec.get("groups", [])
        users[spec["email"].split("@")[0]] = create_demo_user(
            spec["email"], password, fields, groups
        )
    for spec in DEMO_MEMBERS:
        fields = {k: v for k, v in spec.items() if k not in {"key", "email"}}
        users[spec["key"]] = create_demo_user(spec["email"], password, fields)
    return users


def create_demo_user(email, password, fields, groups=()):
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            **fields,
            # Established members: their posts need no moderator's approval.
            "trusted_since": timezone.now(),
            "date_joined": timezone.now() - timedelta(days=180),
        },
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        user.groups.add(*Group.objects.filter(name__in=groups))
        EmailAddress.objects.create(
            user=user, email=user.email, verified=True, primary=True
        )
    return user
