"""The signed Reply-To of notification emails (whose, about what, for how long), and
how long the emails that come back are kept."""

from datetime import timedelta
from email.utils import parseaddr
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts import digests, replies
from accounts.factories import UserFactory
from accounts.models import InboundMessage, Notification
from accounts.notifications import notify
from forums import notifications as forum_notifications
from forums import services as forum_services
from forums.factories import ThreadFactory
from gaps import services as gap_services
from gaps.factories import DataGapFactory
from gaps.models import Status
from themes import services as theme_services
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(migration):
    return ThreadFactory(theme=migration, title="Visa data")


def reply_to_of(message):
    [address] = message.reply_to
    return parseaddr(address)[1]


def test_a_reply_notification_carries_a_reply_address_signed_for_the_member_and_thread(
    thread,
):
    follower = UserFactory()
    forum_services.follow(thread, follower)
    reply = forum_services.post_reply(thread, UserFactory(), "Next month.", tell=False)

    forum_notifications.tell_followers_of_reply(reply.pk)

    [message] = mail.outbox
    address = reply_to_of(message)
    local, domain = address.split("@")
    assert domain == "localhost"  # the test site's base URL is an IP address
    assert local.startswith("reply+")
    assert len(local) == 40 <= 64
    assert local == local.lower()
    signed = replies.read_token(local.removeprefix("reply+"))
    assert (signed.user_id, signed.target.key, signed.object_id) == (
        follower.pk,
        "thread",
        thread.pk,
    )
    assert signed.issued == timezone.localdate()
    assert not signed.expired
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_a_token_reads_the_same_whatever_the_case_a_mail_server_gave_it(thread):
    token = replies.make_token(7, "thread", thread.pk)

    assert replies.read_token(token.upper()) == replies.read_token(token)


BASE32 = "abcdefghijklmnopqrstuvwxyz234567"


@pytest.mark.parametrize(
    "damage",
    [
        lambda token: token[:-1] + ("a" if token[-1] != "a" else "b"),
        # Changes only the last letter's spare bits, which decoding ignores.
        lambda token: token[:-1] + BASE32[BASE32.index(token[-1]) ^ 1],
        lambda token: token[:-2],
        lambda token: token + "aa",
        lambda token: "1" + token[1:],  # not base32
        lambda token: "",
        lambda token: "a" * 300,
    ],
)
def test_a_damaged_or_made_up_token_is_forged(thread, damage):
    token = replies.make_token(7, "thread", thread.pk)

    with pytest.raises(replies.Forged):
        replies.read_token(damage(token))


def test_a_token_signed_with_another_key_is_forged(thread, settings):
    token = replies.make_token(7, "thread", thread.pk)
    settings.SECRET_KEY = "another-secret-key-entirely"

    with pytest.raises(replies.Forged):
        replies.read_token(token)


def test_a_token_signed_with_a_retired_key_still_reads_after_the_key_changes(
    thread, settings
):
    old = settings.SECRET_KEY
    token = replies.make_token(7, "thread", thread.pk)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-key", [old]

    assert replies.read_token(token).user_id == 7


def test_an_address_expires_after_its_days(thread):
    issued = timezone.localdate() - timedelta(days=replies.REPLY_ADDRESS_DAYS)
    fresh = replies.read_token(replies.make_token(7, "thread", thread.pk, issued))
    stale = replies.read_token(
        replies.make_token(7, "thread", thread.pk, issued - timedelta(days=1))
    )

    assert not fresh.expired
    assert stale.expired


def test_a_data_gap_update_carries_a_reply_address_for_the_gap(migration, editor):
    producer = UserFactory()
    theme_services.grant_role(
        migration, producer, Role.PRODUCER, granted_by=editor, tell=False
    )
    gap = DataGapFactory(theme=migration)
    mail.outbox.clear()

    gap_services.change_status(
        gap, producer, status=Status.ACKNOWLEDGED, note="We are looking at it."
    )

    [message] = [m for m in mail.outbox if gap.author.email in m.to]
    signed = replies.read_token(reply_to_of(message).split("@")[0][len("reply+") :])
    assert (signed.user_id, signed.target.key, signed.object_id) == (
        gap.author.pk,
        "gap",
        gap.pk,
    )


def test_a_digest_has_no_reply_address_but_each_item_links_to_its_page(thread):
    """A digest groups several threads: one address could not say which."""
    member = UserFactory()
    theme_services.join_theme(member, thread.theme)
    forum_services.follow(thread, member)
    forum_notifications.tell_members_of_thread(thread.pk)  # daily by default
    row = Notification.objects.get(user=member)
    assert row.cadence == Notification.Cadence.DAILY

    digests.send_digest(member.pk, "daily", timezone.localdate())

    [message] = mail.outbox
    assert message.reply_to == []
    assert thread.get_full_url() in message.body


def test_an_email_about_no_thread_or_gap_has_no_reply_address():
    member = UserFactory()

    notify(member, "data_export_ready", "data_export_ready", {"download_url": "/x"})

    [message] = mail.outbox
    assert message.reply_to == []


def test_emails_read_a_month_ago_are_pruned_and_those_waiting_are_kept():
    now = timezone.now()
    old = now - timedelta(days=31)

    def kept(key, received_at, completed_at):
        row = InboundMessage.objects.create(
            mailbox="reply", recipient="reply+x@localhost", message_key=key, raw=b""
        )
        InboundMessage.objects.filter(pk=row.pk).update(
            received_at=received_at, completed_at=completed_at
        )
        return row.pk

    kept("a", old, old)  # read long ago
    read_lately = kept("b", now, now)
    never_read = kept("c", old, None)

    call_command("prune_inbound_mail", "--min-age-days", "30", stdout=StringIO())

    assert set(InboundMessage.objects.values_list("pk", flat=True)) == {
        read_lately,
        never_read,
    }
