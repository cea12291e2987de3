"""A question's reach and how long it waited: whom it was sent to at once (the
theme's producers and chairs and the contacts of the statistics it names, as the
outbox recorded them) and the time to a producer's first reply."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from accounts.models import EmailSuppression, Notification, Organisation
from catalogue.contact_emails import members_by_address
from catalogue.models import Statistic
from core.translation import localize
from themes import roles
from themes.models import Role


@dataclass(frozen=True)
class ContactTold:
    """A statistic's contact without an account the question was emailed to, as
    `people_list` names people: by name, never by address."""

    public_name: str
    organisation: Organisation | None


def contacts_of(thread):
    """Members who are contacts for the statistics the thread names: linked to a
    contact, or whose verified address is an unlinked contact's (told once, as a
    member, never also at the address)."""
    named = Statistic.objects.filter(threads=thread)
    return get_user_model().objects.filter(
        Q(statistic_contacts__statistic__threads=thread)
        | Q(pk__in=members_by_address(named).values("pk"))
    )


def sent_to(thread):
    """Those the outbox has a row for about this question, among the people it is
    for: a member who chose to hear nothing is not listed; a contact without an
    account who asked to stop, or whose address we stopped emailing, neither."""
    event_key = f"thread:{thread.pk}"
    told = Notification.objects.filter(event_key=event_key).values("user")
    looking_after = roles.holders(theme=thread.theme).values("pk")
    contacts = contacts_of(thread).values("pk")
    members = list(
        get_user_model()
        .objects.filter(pk__in=told)
        .filter(Q(pk__in=looking_after) | Q(pk__in=contacts))
        .select_related("organisation")
        .order_by("first_name", "last_name", "pk")
    )
    people = members + contacts_told(event_key)
    # Their organisations named in the reader's language, at once.
    localize(person.organisation for person in people)
    return people


def contacts_told(event_key):
    """The contacts without an account the outbox wrote to (two queries)."""
    stopped = EmailSuppression.objects.filter(user=None).values("address")
    rows = list(
        Notification.objects.filter(user=None, event_key=event_key)
        .exclude(status=Notification.Status.SUPPRESSED)
        .exclude(address__in=stopped)
        .order_by("recipient_name", "pk")
        .values_list("recipient_name", "context__producer_id")
    )
    if not rows:
        return []
    producers = Organisation.objects.in_bulk({pk for _, pk in rows if pk})
    return [ContactTold(name, producers.get(pk)) for name, pk in rows]


def first_producer_reply(thread, replies):
    """The earliest public reply by one of the theme's producers, or None."""
    producers = roles.holders(Role.PRODUCER, theme=thread.theme).values("pk")
    return (
        replies.filter(is_public=True, is_removed=False, user__in=producers)
        .order_by("submit_date")
        .first()
    )


def reach(thread):
    """What the question page says of it: whom it went to, and whether a producer
    has replied and after how long (or how long it has waited)."""
    from forums.services import replies_to  # services tells, through this module

    first = first_producer_reply(thread, replies_to(thread))
    until = first.submit_date if first else timezone.now()
    return {
        "sent_to": sent_to(thread),
        "first_reply": first,
        "waited": until - thread.created_at,
    }
