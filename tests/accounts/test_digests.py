"""Digests: one email, at the member's time, of everything waiting at that cadence."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django_comments_xtd.models import XtdComment

from accounts import digests, notifications
from accounts.factories import UserFactory
from accounts.models import Notification
from forums import notifications as forum_notifications
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import ThreadFollow
from themes import services as theme_services

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
Status = Notification.Status
# Tuesday 8 December 2026 is in winter (GMT); Tuesday 7 July 2026 in summer (BST).
WINTER_TUESDAY = dt.date(2026, 12, 8)
SUMMER_TUESDAY = dt.date(2026, 7, 7)
MONDAY = dt.date(2026, 12, 7)


def at(day, hour, minute=0):
    """That UK wall-clock time, as the aware moment it is."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=UK)


@pytest.fixture
def member(housing):
    member = UserFactory(display_name="Dana")
    theme_services.join_theme(member, housing, "daily")
    return member


def new_thread(theme, **fields):
    thread = ThreadFactory(theme=theme, **fields)
    forum_notifications.tell_members_of_thread(thread.pk)
    return thread


def new_reply(thread, follower, text="Thursday, at ten."):
    ThreadFollow.objects.get_or_create(thread=thread, user=follower)
    reply = forum_services.post_reply(thread, UserFactory(), text, tell=False)
    forum_notifications.tell_followers_of_reply(reply.pk)
    return reply


def run(moment):
    return digests.queue_due(moment.astimezone(dt.UTC))


def test_a_daily_digest_holds_the_full_text_of_each_item_grouped_by_theme_and_kind(
    member, housing, health
):
    theme_services.join_theme(member, health, "daily")
    first = new_thread(housing, title="Rents in 2026", body="Where are the **rents**?")
    new_thread(health, title="Waiting lists", body="Which trusts report them?")
    new_reply(first, member, "The rents are in table 4.")
    assert not mail.outbox

    assert run(at(WINTER_TUESDAY, 7, 5)) == 1

    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "Your daily digest: 3 updates from statsforum"
    body = message.body
    assert "Hello Dana," in body
    # Grouped: each theme once, each kind once within it, every item in full.
    assert body.index("HEALTH") < body.index("HOUSING")
    housing_part = body[body.index("HOUSING") :]
    assert housing_part.count("New threads") == 1
    assert "Where are the **rents**?" in housing_part
    assert "The rents are in table 4." in housing_part
    assert first.get_full_url() in housing_part
    html, _ = message.alternatives[0]
    assert "<h2" in html and "Waiting lists" in html
    assert Notification.objects.filter(user=member, status=Status.SENT).count() == 4


def test_a_digest_carries_one_click_unsubscribe_that_stops_that_cadence(
    member, housing
):
    new_thread(housing)
    run(at(WINTER_TUESDAY, 7, 5))
    [message] = mail.outbox
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    path = re.search(
        r"<http://127\.0\.0\.1:8000(\S+)>", message.extra_headers["List-Unsubscribe"]
    )[1]

    response = Client(enforce_csrf_checks=True).post(
        path, {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    kind = notifications.get_kind("new_thread")
    assert notifications.frequency_for(member, kind, housing) == "off"
    new_thread(housing)
    run(at(WINTER_TUESDAY + dt.timedelta(days=1), 7, 5))
    assert len(mail.outbox) == 1


def test_no_digest_is_sent_when_nothing_waits(member):
    assert run(at(WINTER_TUESDAY, 7, 5)) == 0
    assert not mail.outbox


def test_the_digest_comes_at_the_members_time_in_uk_winter_time(member, housing):
    new_thread(housing)

    assert run(at(WINTER_TUESDAY, 6, 55)) == 0
    # 07:00 GMT is 07:00 UTC.
    assert digests.queue_due(dt.datetime(2026, 12, 8, 6, 59, tzinfo=dt.UTC)) == 0
    assert digests.queue_due(dt.datetime(2026, 12, 8, 7, 0, tzinfo=dt.UTC)) == 1


def test_the_digest_comes_at_the_members_time_in_uk_summer_time(member, housing):
    new_thread(housing)

    # 07:00 BST is 06:00 UTC: at 06:30 UTC it is already 07:30 in the UK.
    assert digests.queue_due(dt.datetime(2026, 7, 7, 5, 59, tzinfo=dt.UTC)) == 0
    assert digests.queue_due(dt.datetime(2026, 7, 7, 6, 30, tzinfo=dt.UTC)) == 1
    assert run(at(SUMMER_TUESDAY, 9)) == 0  # sent already today


def test_a_member_who_chose_18_30_gets_it_then(member, housing):
    member.digest_time = dt.time(18, 30)
    member.save()
    new_thread(housing)

    assert run(at(WINTER_TUESDAY, 7, 5)) == 0
    assert run(at(WINTER_TUESDAY, 18, 30)) == 1


def test_one_daily_digest_a_day_however_often_the_job_runs(member, housing):
    new_thread(housing)
    run(at(WINTER_TUESDAY, 7, 5))
    new_thread(housing, title="Later that day")

    assert run(at(WINTER_TUESDAY, 7, 10)) == 0
    assert run(at(WINTER_TUESDAY, 23, 55)) == 0
    assert len(mail.outbox) == 1
    assert run(at(WINTER_TUESDAY + dt.timedelta(days=1), 7, 0)) == 1
    assert "Later that day" in mail.outbox[1].body


def test_a_weekly_digest_goes_only_on_monday(housing):
    member = UserFactory()
    theme_services.join_theme(member, housing, "weekly")
    new_thread(housing, title="Weekly news")

    for day in range(1, 7):  # Tuesday to Sunday
        assert run(at(MONDAY + dt.timedelta(days=day), 8)) == 0
    assert run(at(MONDAY + dt.timedelta(days=7), 8)) == 1
    [message] = mail.outbox
    assert message.subject == "Your weekly digest: 1 update from statsforum"
    assert "Weekly news" in message.body


def test_a_reply_hidden_before_the_digest_is_left_out(member, housing):
    thread = new_thread(housing, title="Stays")
    reply = new_reply(thread, member, "Hidden by a moderator.")
    XtdComment.objects.filter(pk=reply.pk).update(is_public=False)

    run(at(WINTER_TUESDAY, 7, 5))

    [message] = mail.outbox
    assert "Stays" in message.body
    assert "Hidden by a moderator." not in message.body
    row = Notification.objects.get(user=member, event_key=f"reply:{reply.pk}")
    assert row.status == Status.WITHDRAWN


def test_a_thread_the_member_muted_since_is_left_out(member, housing):
    thread = ThreadFactory(theme=housing)
    new_reply(thread, member, "Muted since.")
    ThreadFollow.objects.filter(thread=thread, user=member).update(muted=True)

    assert run(at(WINTER_TUESDAY, 7, 5)) == 1  # the task finds nothing to send
    assert not mail.outbox


def test_posts_of_a_member_who_erased_their_account_are_left_out(member, housing):
    author = UserFactory()
    new_thread(housing, author=author, body="Written by someone who left.")
    author.erased_at = dt.datetime.now(dt.UTC)
    author.save()

    run(at(WINTER_TUESDAY, 7, 5))

    assert not mail.outbox


def test_a_kind_switched_off_after_the_item_waited_is_left_out(member, housing):
    new_thread(housing)
    notifications.set_frequency(
        member, notifications.get_kind("new_thread"), "off", housing
    )

    run(at(WINTER_TUESDAY, 7, 5))

    assert not mail.outbox


def test_held_digest_items_from_before_the_outbox_are_sent_too(member):
    Notification.objects.create(
        user=member,
        kind="data_export_ready",
        event_key="pending-digest-item:1",
        template="data_export_ready",
        context={},
        cadence="daily",
    )

    run(at(WINTER_TUESDAY, 7, 5))

    [message] = mail.outbox
    assert "YOUR ACCOUNT AND THE WHOLE SITE" in message.body
