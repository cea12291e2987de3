"""Rules that change statistics and who follows them."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from catalogue import imports, permissions
from catalogue.models import Statistic, StatisticContact, StatisticFollow


def import_statistics(producer, text, *, user=None, commit=True):
    """Plan importing the CSV `text` as `producer`'s statistics, and write it when
    `commit` and no row has an error: all rows or none. `user` None is the
    management command, run by the site's operators."""
    if user is not None and not permissions.may_manage(user, producer, "add"):
        raise PermissionDenied(
            _("You can import statistics only for the organisations you answer for.")
        )
    plan = imports.plan(producer, imports.read_rows(text))
    if commit and not plan.has_errors:
        _write(plan, user)
    return plan


@transaction.atomic
def _write(plan, user):
    for row in plan.rows:
        if row.action == "unchanged":
            continue
        created = row.statistic is None
        statistic = row.statistic or Statistic(producer=plan.producer)
        for name, value in row.values.items():
            setattr(statistic, name, value)
        # A ParentalManyToManyField is written by save(), after it is set.
        statistic.themes.set(row.themes)
        if row.contacts is not None:
            statistic.contacts = _contacts(statistic, row.contacts)
        statistic.save()
        # The site history says who imported what, as for an edit in the admin.
        log(
            instance=statistic,
            action="wagtail.create" if created else "wagtail.edit",
            user=user,
            content_changed=True,
        )


def _contacts(statistic, named):
    """The contacts a row names, keeping those already there with the same name
    and email (and so their link to an account). An address that asked us to stop
    emailing it about the statistic stays stopped under a new name."""
    current = list(statistic.contacts.all())
    kept = {(contact.name, contact.email): contact for contact in current}
    stopped = {
        contact.email.lower(): contact.emails_stopped_at
        for contact in current
        if contact.emails_stopped_at and contact.email
    }
    contacts = []
    for name, role, email, phone in named:
        contact = kept.pop((name, email), None) or StatisticContact(
            name=name, email=email, emails_stopped_at=stopped.get(email.lower())
        )
        contact.role, contact.phone = role, phone
        contacts.append(contact)
    return contacts


def follow(statistic, user):
    StatisticFollow.objects.get_or_create(user=user, statistic=statistic)


def unfollow(statistic, user):
    StatisticFollow.objects.filter(user=user, statistic=statistic).delete()


def follows(statistic, user):
    return (
        user.is_authenticated
        and StatisticFollow.objects.filter(user=user, statistic=statistic).exists()
    )


def followers(statistics):
    """The members who follow any of `statistics`, each once."""
    return get_user_model().objects.filter(
        pk__in=StatisticFollow.objects.filter(statistic__in=statistics).values("user")
    )
