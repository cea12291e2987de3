"""Replies by email, through the real path: raw messages as Gmail, Outlook and Apple
Mail send them (tests/accounts/mail/), handed to the LMTP listener on a loopback
port, kept, then read by the worker's task and posted as the member."""

import smtplib
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from accounts import replies
from accounts.account_hooks import export_account
from accounts.factories import UserFactory
from accounts.inbound import address
from accounts.mail_listener import MAX_MESSAGE_BYTES, LMTPController
from accounts.models import InboundMessage
from accounts.services import delete_account
from accounts.tasks import process_inbound_message
from core.ratelimit import seconds_to_wait
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import Thread
from gaps.factories import DataGapFactory
from gaps.models import GapSupport
from tests.servers import spare_port

pytestmark = pytest.mark.django_db(transaction=True)

MAIL = Path(__file__).parent / "mail"
JANE = "jane@leeds.example.org"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
Outcome = InboundMessage.Outcome
# Reading the message, checking the member, and the web form's own posting (the
# reply, its thread's counts, the follow, the search row, and the page cache's purge
# of the pages that show the thread: two queries at each of the reply's two saves
# and again when they commit), and the theme's title in each language for each of
# the two kinds of email it causes. PostgreSQL asks one more than SQLite.
READ_AND_POST_BUDGET = 72


@pytest.fixture
def listener(transactional_db, settings):
    # The listener only keeps and queues: the test runs the worker's task itself.
    settings.TASKS = DUMMY
    controller = LMTPController("127.0.0.1", spare_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def jane():
    return UserFactory(email=JANE, first_name="Jane", last_name="Smith")


@pytest.fixture
def thread(migration):
    return ThreadFactory(theme=migration, title="Visa data")


def reply_address(user, target="thread", object_id=None, issued=None):
    return address("reply", replies.make_token(user.pk, target, object_id, issued))


def raw_email(name, to, sender=JANE, message_id=None):
    raw = (MAIL / name).read_bytes()
    message_id = message_id or f"{uuid.uuid4().hex}@mail.example.org"
    for marker, value in [
        (b"REPLY_ADDRESS", to),
        (b"MEMBER_ADDRESS", sender),
        (b"MESSAGE_ID", message_id),
    ]:
        raw = raw.replace(marker, value.encode())
    # On the wire every line ends CRLF, as the mail server sends it.
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def deliver(listener, raw, to, envelope_sender=JANE):
    with smtplib.LMTP(listener.hostname, listener.port) as lmtp:
        return lmtp.sendmail(envelope_sender, [to], raw)


def run_worker():
    """What `run_worker` does with the tasks the listener queued."""
    with override_settings(TASKS=IMMEDIATE):
        for pk in InboundMessage.objects.filter(completed_at=None).values_list(
            "pk", flat=True
        ):
            process_inbound_message.call(pk)


def send_reply(listener, name, to, sender=JANE, **kwargs):
    refused = deliver(listener, raw_email(name, to, sender, **kwargs), to)
    assert refused == {}
    run_worker()
    return InboundMessage.objects.order_by("pk").last()


def replies_in(thread):
    return list(forum_services.replies_to(thread).order_by("pk"))


@pytest.mark.parametrize(
    ("fixture", "posted"),
    [
        (
            "gmail_above_the_quote.eml",
            "Thanks Priya – the quarterly series is what we need for the local "
            "estimates.",
        ),
        (
            "outlook_above_the_quote.eml",
            "We can share the ward-level file under licence. I'll post the link here "
            "once it is agreed.",
        ),
        (
            "outlook_web_html_only.eml",
            "Yes – please add **Leeds** to the list of councils in the pilot.",
        ),
        (
            "apple_iphone_above_the_quote.eml",
            "Could you say which months the revision covers?",
        ),
        (
            "apple_mail_below_the_quote.eml",
            "That is good news: we will plan the local release around it.",
        ),
    ],
)
def test_a_reply_from_each_mail_program_is_posted_without_the_quote_or_signature(
    listener, jane, thread, fixture, posted
):
    message = send_reply(listener, fixture, reply_address(jane, object_id=thread.pk))

    [reply] = replies_in(thread)
    assert reply.user == jane
    assert reply.is_public
    assert reply.comment.startswith(posted)
    # Neither the quoted notification nor a delimited signature is posted.
    for quoted in ["Priya Shah replied", "Hello Jane", "statsforum.org.uk", "--"]:
        assert quoted not in reply.comment
    assert "Sent from my iPhone" not in reply.comment
    assert "Kind regards" not in reply.comment
    assert message.outcome == Outcome.POSTED
    assert message.user == jane
    # A reply posted as it was is not acknowledged: the member sees it on the site.
    assert mail.outbox == []
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_followers_hear_of_a_reply_by_email_as_of_any_other(listener, jane, thread):
    follower = UserFactory()
    forum_services.follow(thread, follower)

    send_reply(
        listener, "gmail_above_the_quote.eml", reply_address(jane, object_id=thread.pk)
    )

    [told] = mail.outbox
    assert told.to == [follower.email]
    assert "the quarterly series is what we need" in told.body


def test_an_attachment_is_left_out_and_the_text_still_posted(listener, jane, thread):
    send_reply(
        listener, "gmail_with_attachment.eml", reply_address(jane, object_id=thread.pk)
    )

    [reply] = replies_in(thread)
    assert reply.comment == "Our own counts for 2025 are in the attached table."
    [answer] = mail.outbox
    assert answer.to == [JANE]
    assert answer.subject.startswith("Your reply was posted without its attachments")
    assert "leeds-counts-2025.pdf" in answer.body
    assert "post a link to it" in answer.body
    html = answer.alternatives[0][0]
    assert "leeds-counts-2025.pdf" in html and f"#reply-{reply.pk}" in html


def test_an_out_of_office_reply_posts_nothing_and_is_not_answered(
    listener, jane, thread
):
    message = send_reply(
        listener, "outlook_out_of_office.eml", reply_address(jane, object_id=thread.pk)
    )

    assert replies_in(thread) == []
    assert mail.outbox == []
    assert message.outcome == Outcome.IGNORED
    assert "Auto-Submitted" in message.note


def test_our_own_email_coming_back_is_not_answered(listener, jane, thread, settings):
    to = reply_address(jane, object_id=thread.pk)
    raw = raw_email("gmail_above_the_quote.eml", to, sender="noreply@statsforum.org.uk")
    settings.DEFAULT_FROM_EMAIL = "statsforum <noreply@statsforum.org.uk>"

    deliver(listener, raw, to)
    run_worker()

    assert replies_in(thread) == []
    assert mail.outbox == []


def test_a_forged_address_posts_nothing_and_answers_nobody(listener, jane, thread):
    token = replies.make_token(jane.pk, "thread", thread.pk)
    forged = address("reply", token[:-1] + ("a" if token[-1] != "a" else "b"))

    message = send_reply(listener, "gmail_above_the_quote.eml", forged)

    assert replies_in(thread) == []
    assert mail.outbox == []  # no backscatter to whoever the From names
    assert message.outcome == Outcome.IGNORED
    assert message.user is None


def test_an_expired_address_posts_nothing_and_tells_the_member_to_reply_on_the_site(
    listener, jane, thread
):
    issued = timezone.localdate() - timedelta(days=replies.REPLY_ADDRESS_DAYS + 1)
    to = reply_address(jane, object_id=thread.pk, issued=issued)

    message = send_reply(listener, "gmail_above_the_quote.eml", to)

    assert replies_in(thread) == []
    assert message.outcome == Outcome.REFUSED
    [answer] = mail.outbox
    assert answer.to == [JANE]
    assert answer.subject == 'Your reply was not posted: Re: New reply in "Visa data"'
    assert f"Reply addresses work for {replies.REPLY_ADDRESS_DAYS} days" in answer.body
    assert f"You can reply on the site: {thread.get_full_url()}" in answer.body
    assert "the thread “Visa data”" in answer.body
    # What they wrote comes back, so that nothing is lost.
    assert "the quarterly series is what we need" in answer.body
    assert answer.extra_headers["Auto-Submitted"] == "auto-replied"
    assert answer.extra_headers["In-Reply-To"].endswith("@mail.example.org>")
    html = answer.alternatives[0][0]
    assert f'href="{thread.get_full_url()}"' in html
    assert "Reply on the site" in html


def test_a_reply_from_another_address_posts_nothing_and_tells_the_member_not_the_sender(
    listener, jane, thread
):
    message = send_reply(
        listener,
        "gmail_above_the_quote.eml",
        reply_address(jane, object_id=thread.pk),
        sender="someone@elsewhere.example.com",
    )

    assert replies_in(thread) == []
    assert message.outcome == Outcome.REFUSED
    [answer] = mail.outbox
    assert answer.to == [JANE]
    assert "It came from someone@elsewhere.example.com" in answer.body
    assert "not an address of your account" in answer.body


def test_a_reply_from_another_verified_address_of_the_member_is_posted(
    listener, jane, thread
):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=jane, email="j.smith@home.example.org", verified=True
    )

    send_reply(
        listener,
        "gmail_above_the_quote.eml",
        reply_address(jane, object_id=thread.pk),
        sender="J.Smith@home.example.org",
    )

    assert len(replies_in(thread)) == 1


def test_a_suspended_member_is_told_why_and_nothing_is_posted(listener, jane, thread):
    jane.suspended_until = timezone.now() + timedelta(days=7)
    jane.save()

    message = send_reply(
        listener, "gmail_above_the_quote.eml", reply_address(jane, object_id=thread.pk)
    )

    assert replies_in(thread) == []
    assert message.outcome == Outcome.REFUSED
    [answer] = mail.outbox
    assert "A moderator has suspended you from taking part in Migration" in answer.body


def test_a_member_over_the_rate_limit_is_told_to_wait(listener, jane, thread):
    for _ in range(forum_services.POSTS_PER_MINUTE):
        seconds_to_wait(
            f"post:{jane.pk}", limit=forum_services.POSTS_PER_MINUTE, period=60
        )

    send_reply(
        listener, "gmail_above_the_quote.eml", reply_address(jane, object_id=thread.pk)
    )

    assert replies_in(thread) == []
    [answer] = mail.outbox
    assert (
        f"You have posted {forum_services.POSTS_PER_MINUTE} times in the last minute"
        in answer.body
    )


def test_a_new_members_reply_is_held_and_the_member_told_so(listener, newcomer, thread):
    message = send_reply(
        listener,
        "gmail_above_the_quote.eml",
        reply_address(newcomer, object_id=thread.pk),
        sender=newcomer.email,
    )

    [reply] = replies_in(thread)
    assert not reply.is_public
    assert message.outcome == Outcome.HELD
    [answer] = mail.outbox
    assert answer.to == [newcomer.email]
    assert answer.subject.startswith("Your reply is waiting for a moderator")
    assert "only you can see it until then" in answer.body
    assert f"#reply-{reply.pk}" in answer.body


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"is_locked": True}, "This thread is locked: nobody can reply to it."),
        ({"is_public": False}, "you can no longer see it"),
    ],
)
def test_a_reply_to_a_thread_locked_or_hidden_since_is_refused(
    listener, jane, thread, change, reason
):
    Thread.objects.filter(pk=thread.pk).update(**change)

    send_reply(
        listener, "gmail_above_the_quote.eml", reply_address(jane, object_id=thread.pk)
    )

    assert replies_in(thread) == []
    [answer] = mail.outbox
    assert reason in answer.body


def test_a_reply_with_nothing_but_the_quote_is_refused(listener, jane, thread):
    to = reply_address(jane, object_id=thread.pk)
    raw = raw_email("gmail_above_the_quote.eml", to).replace(
        b"Thanks Priya =E2=80=93 the quarterly series is what we need for the "
        b"local =\r\nestimates.",
        b"",
    )

    deliver(listener, raw, to)
    run_worker()

    assert replies_in(thread) == []
    [answer] = mail.outbox
    assert "We found nothing to post in it" in answer.body


def test_a_redelivered_message_is_accepted_again_and_posted_once(
    listener, jane, thread
):
    to = reply_address(jane, object_id=thread.pk)
    raw = raw_email("gmail_above_the_quote.eml", to, message_id="once@mail.example.org")

    assert deliver(listener, raw, to) == {}
    run_worker()
    assert deliver(listener, raw, to) == {}  # the mail server never saw our 250
    run_worker()

    assert len(replies_in(thread)) == 1
    assert InboundMessage.objects.count() == 1


def test_an_unknown_mailbox_or_domain_is_refused_when_named(listener, jane, thread):
    raw = raw_email("gmail_above_the_quote.eml", "x")
    for recipient in [
        "postmaster@localhost",
        "nobody+abc@localhost",
        f"reply+{replies.make_token(jane.pk, 'thread', thread.pk)}@example.com",
    ]:
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            deliver(listener, raw, recipient)
        assert refused.value.recipients[recipient][0] == 550

    assert InboundMessage.objects.count() == 0


def test_a_message_over_the_size_limit_is_refused_before_it_is_sent(listener, jane):
    to = reply_address(jane, object_id=1)
    raw = raw_email("gmail_above_the_quote.eml", to) + b"x" * MAX_MESSAGE_BYTES

    with pytest.raises(smtplib.SMTPSenderRefused) as refused:
        deliver(listener, raw, to)

    assert refused.value.smtp_code == 552
    assert InboundMessage.objects.count() == 0


def test_each_recipient_of_one_message_gets_its_own_answer(listener, jane, migration):
    """LMTP: after the message, one answer per recipient the listener accepted."""
    first, second = ThreadFactory(theme=migration), ThreadFactory(theme=migration)
    to = [
        reply_address(jane, object_id=first.pk),
        reply_address(jane, object_id=second.pk),
    ]
    raw = raw_email("gmail_above_the_quote.eml", to[0])

    with smtplib.LMTP(listener.hostname, listener.port) as lmtp:
        lmtp.ehlo()
        lmtp.mail(JANE)
        assert lmtp.rcpt(to[0])[0] == 250
        assert lmtp.rcpt("nobody+x@localhost")[0] == 550
        assert lmtp.rcpt(to[1])[0] == 250
        answers = [lmtp.data(raw)[0], lmtp.getreply()[0]]
    run_worker()

    assert answers == [250, 250]
    assert len(replies_in(first)) == len(replies_in(second)) == 1


def test_a_reply_to_a_data_gap_adds_the_members_support_and_use_case(
    listener, jane, migration
):
    gap = DataGapFactory(theme=migration, is_public=True)

    message = send_reply(
        listener, "outlook_above_the_quote.eml", reply_address(jane, "gap", gap.pk)
    )

    support = GapSupport.objects.get(gap=gap, user=jane)
    assert support.use_case.startswith("We can share the ward-level file")
    assert not support.show_name
    gap.refresh_from_db()
    assert gap.support_count == 1
    assert message.outcome == Outcome.POSTED


def test_a_reply_never_replaces_a_use_case_written_before(listener, jane, migration):
    gap = DataGapFactory(theme=migration, is_public=True)
    GapSupport.objects.create(gap=gap, user=jane, use_case="Ward planning.")

    send_reply(
        listener, "outlook_above_the_quote.eml", reply_address(jane, "gap", gap.pk)
    )

    assert GapSupport.objects.get(gap=gap, user=jane).use_case == "Ward planning."
    [answer] = mail.outbox
    assert "edit it on the gap's page" in answer.body
    assert gap.get_full_url() in answer.body


def test_the_author_of_a_gap_is_told_their_need_is_counted(listener, jane, migration):
    gap = DataGapFactory(theme=migration, is_public=True, author=jane)

    send_reply(
        listener, "outlook_above_the_quote.eml", reply_address(jane, "gap", gap.pk)
    )

    assert not GapSupport.objects.exists()
    [answer] = mail.outbox
    assert "You raised this data gap, so your need is counted already" in answer.body


def test_a_welsh_member_is_answered_in_welsh(listener, migration):
    cymraes = UserFactory(email=JANE, email_language="cy")
    gap = DataGapFactory(
        theme=migration, is_public=True, author=cymraes, title="Visas by age"
    )

    send_reply(
        listener, "outlook_above_the_quote.eml", reply_address(cymraes, "gap", gap.pk)
    )

    # What it answered and why it was not posted: the feature's words, in Welsh.
    [answer] = mail.outbox
    body = " ".join(answer.body.split())
    assert "Cawsom eich e-bost yn ateb y bwlch data “Visas by age”" in body
    assert "Chi gododd y bwlch data hwn" in body
    assert "the data gap" not in body
    assert "You raised this data gap" not in body


HOSTILE = [
    b"",
    b"\x00\x01\x02 not an email at all \xff\xfe",
    b"Subject: only headers\r\n",
    b"From: \r\nTo: \r\nSubject: =?utf-8?b?not base64?=\r\n\r\nHello",
    b"From: Jane <JANE>\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n"
    b"Content-Type: text/plain; charset=x-no-such-charset\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n",
    # Unclosed tags by the thousand (lines as long as a mail server lets through).
    b"From: Jane <JANE>\r\nContent-Type: text/html\r\n\r\n"
    + (b"<p><b><i>" + b"<" * 900 + b"\r\n") * 10,
    b"From: Jane <JANE>\r\n" + b"X-Header: a\r\n" * 3000 + b"\r\nBody",
    b"From: Jane <JANE>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    + "Ünïcödé and a NUL \x00 byte".encode(),
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_whatever_arrives_is_kept_read_and_never_raises(listener, jane, thread, raw):
    to = reply_address(jane, object_id=thread.pk)
    raw = raw.replace(b"JANE", JANE.encode())

    refused = deliver(listener, raw, to)
    run_worker()

    assert refused == {}
    message = InboundMessage.objects.get()
    assert message.completed_at is not None
    assert message.outcome in {
        Outcome.IGNORED,
        Outcome.REFUSED,
        Outcome.FAILED,
        Outcome.POSTED,
    }
    # Nothing is posted that the web form would refuse (no control characters).
    for reply in replies_in(thread):
        assert "\x00" not in reply.comment


def test_the_emails_a_member_sent_are_in_their_data_and_erased_with_them(
    listener, jane, thread
):
    send_reply(
        listener, "gmail_above_the_quote.eml", reply_address(jane, object_id=thread.pk)
    )
    stranger = UserFactory()
    send_reply(
        listener,
        "gmail_above_the_quote.eml",
        reply_address(stranger, object_id=thread.pk),
        sender=stranger.email,
    )

    [kept] = export_account(jane)["emails_you_sent_us"]
    assert kept["from"] == JANE
    assert kept["what_became_of_it"] == "Posted"

    delete_account(jane, keep_public_posts=True)

    assert list(InboundMessage.objects.values_list("user", flat=True)) == [stranger.pk]


def test_reading_and_posting_a_reply_stays_within_its_query_budget(
    listener, jane, thread, django_assert_max_num_queries
):
    to = reply_address(jane, object_id=thread.pk)
    deliver(listener, raw_email("gmail_above_the_quote.eml", to), to)

    with django_assert_max_num_queries(READ_AND_POST_BUDGET):
        run_worker()

    assert len(replies_in(thread)) == 1
