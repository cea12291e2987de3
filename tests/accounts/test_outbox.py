"""The outbox: a row per member and event, sent once, and handed back when its
worker died."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from accounts import notifications, outbox
from accounts.factories import UserFactory
from accounts.models import Notification
from forums import notifications as forum_notifications
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import Thread, ThreadFollow
from themes import services as theme_services
from themes.models import Role

pytestmark = pytest.mark.django_db

Status = Notification.Status
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def tell(user, event_key="reply:1"):
    return notifications.notify(
        user,
        "thread_reply",
        "thread_reply",
        {
            "thread_title": "Census 2031",
            "thread_url": "http://127.0.0.1:8000/t/",
            "theme_title": "Housing",
            "author_name": "Sam",
            "text": "Thursday.",
            "html": "<p>Thursday.</p>",
        },
        event_key=event_key,
    )


def test_a_notification_is_a_row_sent_once_with_its_message_id():
    user = UserFactory()

    tell(user)

    row = Notification.objects.get(user=user)
    assert row.status == Status.SENT
    assert row.sent_at is not None
    [message] = mail.outbox
    assert message.extra_headers["Message-ID"] == row.message_id
    assert row.message_id.startswith("<") and row.message_id.endswith(">")


def test_the_same_event_told_twice_makes_one_row_and_one_email():
    user = UserFactory()

    tell(user, "reply:7")
    tell(user, "reply:7")

    assert Notification.objects.filter(user=user).count() == 1
    assert len(mail.outbox) == 1


def test_different_events_each_make_their_own_row():
    user = UserFactory()

    tell(user, "reply:7")
    tell(user, "reply:8")

    assert len(mail.outbox) == 2


def test_a_claimed_row_is_not_claimed_again_by_another_worker():
    user = UserFactory()
    with override_settings(TASKS=DUMMY_TASKS):
        row = tell(user)
    [claimed] = outbox.claim([row.pk])

    assert outbox.claim([row.pk]) == []
    assert outbox.deliver([row.pk]) == 0
    assert claimed.pk == row.pk
    assert not mail.outbox


def test_the_sweep_hands_back_a_dead_workers_claim_and_it_is_sent_once():
    user = UserFactory()
    with override_settings(TASKS=DUMMY_TASKS):
        row = tell(user)
    [claimed] = outbox.claim([row.pk])  # then its worker is killed

    assert outbox.sweep() == 0  # a claim a minute old may still be sending
    later = timezone.now() + outbox.STALE_CLAIM + timedelta(minutes=1)
    assert outbox.sweep(now=later) == 1
    assert outbox.sweep(now=later) == 0

    row.refresh_from_db()
    assert row.status == Status.SENT
    [message] = mail.outbox
    # The retry carries the Message-ID the dead worker may already have used.
    assert message.extra_headers["Message-ID"] == claimed.message_id


def test_the_sweep_queues_an_immediate_row_whose_task_was_lost():
    user = UserFactory()
    with override_settings(TASKS=DUMMY_TASKS):
        row = tell(user)

    outbox.sweep(now=timezone.now() + outbox.STALE_CLAIM + timedelta(minutes=1))

    row.refresh_from_db()
    assert row.status == Status.SENT
    assert len(mail.outbox) == 1


def test_a_mail_server_refusal_waits_then_the_sweep_sends_it_once(monkeypatch):
    user = UserFactory()

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    tell(user)
    monkeypatch.undo()

    row = Notification.objects.get(user=user)
    assert (row.status, row.attempts) == (Status.PENDING, 1)
    assert row.last_error == "ConnectionRefusedError: no mail server"
    assert row.next_attempt_at > timezone.now() + timedelta(minutes=9)
    # Not before its next attempt is due, however stale its claim.
    assert outbox.sweep(now=row.next_attempt_at - timedelta(seconds=1)) == 0
    Notification.objects.filter(pk=row.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)  # the wait is over
    )
    assert outbox.sweep() == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 2)
    assert len(mail.outbox) == 1


def test_a_fan_out_run_again_tells_each_follower_exactly_once(housing):
    thread = ThreadFactory(theme=housing)
    followers = UserFactory.create_batch(5)
    for follower in followers:
        ThreadFollow.objects.create(thread=thread, user=follower)
    reply = forum_services.post_reply(thread, UserFactory(), "Here.", tell=False)

    first = forum_notifications.tell_followers_of_reply(reply.pk)
    again = forum_notifications.tell_followers_of_reply(reply.pk)

    assert (first, again) == (5, 5)  # the rows, found again, not written again
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f.email for f in followers)
    assert Notification.objects.filter(event_key=f"reply:{reply.pk}").count() == 5


def test_a_fan_out_interrupted_half_way_writes_and_sends_only_the_rest(housing):
    thread = ThreadFactory(theme=housing)
    followers = UserFactory.create_batch(6)
    for follower in followers:
        ThreadFollow.objects.create(thread=thread, user=follower)
    reply = forum_services.post_reply(thread, UserFactory(), "Here.", tell=False)
    # The first run wrote and sent the first three, then its worker died.
    forum_notifications.notify_many(
        get_user_model().objects.filter(pk__in=[f.pk for f in followers[:3]]),
        "thread_reply",
        "thread_reply",
        {"thread_title": "t", "thread_url": "u", "theme_title": "h"},
        theme=housing,
        event_key=f"reply:{reply.pk}",
    )
    assert len(mail.outbox) == 3

    forum_notifications.tell_followers_of_reply(reply.pk)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(f.email for f in followers)


@override_settings(TASKS=DUMMY_TASKS)
def test_a_fan_out_costs_the_same_few_queries_for_50_followers_as_for_5(
    housing, django_assert_max_num_queries
):
    thread = ThreadFactory(theme=housing)
    followers = UserFactory.create_batch(50)
    ThreadFollow.objects.bulk_create(
        ThreadFollow(thread=thread, user=follower) for follower in followers
    )
    reply = forum_services.post_reply(thread, UserFactory(), "Here.", tell=False)

    # Reply, thread, theme; per batch of 500: members, preferences, insert, read
    # back, the task; and the batch that finds nobody left.
    with django_assert_max_num_queries(12):
        written = forum_notifications.tell_followers_of_reply(reply.pk)

    assert written == 50


def test_a_notify_many_without_an_event_key_is_refused():
    with pytest.raises(ValueError, match="event key"):
        notifications.notify_many(
            get_user_model().objects.all(), "thread_reply", "thread_reply", {}
        )


def test_a_theme_s_producers_and_chairs_hear_of_a_new_question_at_once(housing, editor):
    producer, chair, member = UserFactory(), UserFactory(), UserFactory()
    theme_services.grant_role(
        housing, producer, Role.PRODUCER, granted_by=editor, tell=False
    )
    theme_services.grant_role(housing, chair, Role.CHAIR, granted_by=editor, tell=False)
    theme_services.join_theme(member, housing)
    theme_services.join_theme(producer, housing)
    question = ThreadFactory(theme=housing, kind=Thread.Kind.QUESTION)

    forum_notifications.tell_members_of_thread(question.pk)

    # The member hears of it in their daily digest, as the kind's default says.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([producer.email, chair.email])
    assert Notification.objects.get(user=member).cadence == "daily"


def test_a_producer_who_chose_the_digest_for_new_threads_keeps_their_choice(
    housing, editor
):
    producer = UserFactory()
    theme_services.grant_role(
        housing, producer, Role.PRODUCER, granted_by=editor, tell=False
    )
    notifications.set_frequency(
        producer, notifications.get_kind("new_thread"), "weekly", housing
    )
    question = ThreadFactory(theme=housing, kind=Thread.Kind.QUESTION)

    forum_notifications.tell_members_of_thread(question.pk)

    assert not mail.outbox
    assert Notification.objects.get(user=producer).cadence == "weekly"


def test_a_discussion_is_not_pushed_to_producers_at_once(housing, editor):
    producer = UserFactory()
    theme_services.grant_role(
        housing, producer, Role.PRODUCER, granted_by=editor, tell=False
    )
    theme_services.join_theme(producer, housing)
    discussion = ThreadFactory(theme=housing, kind=Thread.Kind.DISCUSSION)

    forum_notifications.tell_members_of_thread(discussion.pk)

    assert not mail.outbox
    assert Notification.objects.get(user=producer).cadence == "daily"


def test_joining_a_theme_sets_how_often_the_member_hears_of_its_activity(
    client, housing
):
    member = UserFactory()
    client.force_login(member)

    client.post(housing.url + "join/", {"frequency": "immediately"})

    for key in ("new_thread", "thread_reply", "consultation_opened"):
        kind = notifications.get_kind(key)
        assert notifications.frequency_for(member, kind, housing) == "immediately"


def test_joining_with_a_frequency_that_is_no_choice_joins_nothing(client, housing):
    member = UserFactory()
    client.force_login(member)

    response = client.post(housing.url + "join/", {"frequency": "hourly"}, follow=True)

    assert "Choose how often we should email you" in response.content.decode()
    assert not housing.memberships.filter(user=member).exists()
