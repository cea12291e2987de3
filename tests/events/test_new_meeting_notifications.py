"""Members may follow new meetings: the first publication tells them, once."""

from datetime import timedelta

import pytest

from accounts import notifications
from accounts.factories import UserFactory
from accounts.models import Notification
from events.factories import EventPageFactory
from events.models import EventPage
from themes import services as theme_services

pytestmark = pytest.mark.django_db


def publish(meeting, **changes):
    draft = meeting.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision().publish()
    return EventPage.objects.get(pk=meeting.pk)


@pytest.fixture
def draft(housing):
    return EventPageFactory(parent=housing, title="Winter users meeting", live=False)


def test_publishing_a_meeting_tells_the_themes_members_who_follow_new_meetings(
    housing, draft, mailoutbox
):
    follower, digest_reader, not_interested = UserFactory.create_batch(3)
    theme_services.join_theme(follower, housing, "immediately")
    theme_services.join_theme(digest_reader, housing, "daily")
    theme_services.join_theme(not_interested, housing, "off")

    publish(draft)

    [message] = mailoutbox
    assert message.to == [follower.email]
    assert message.subject == "New meeting in Housing: Winter users meeting"
    assert draft.full_url in message.body
    waiting = Notification.objects.get(user=digest_reader)
    assert (waiting.kind, waiting.cadence) == ("meeting_published", "daily")
    assert not Notification.objects.filter(user=not_interested).exists()


def test_publishing_the_meeting_again_tells_nobody_of_it_as_new(
    housing, draft, mailoutbox
):
    follower = UserFactory()
    theme_services.join_theme(follower, housing, "immediately")
    meeting = publish(draft)

    publish(
        meeting,
        start=meeting.start + timedelta(days=1),
        end=meeting.end + timedelta(days=1),
    )

    assert [m.subject for m in mailoutbox] == [
        "New meeting in Housing: Winter users meeting"
    ]


def test_new_meetings_are_a_kind_members_choose_per_theme_daily_by_default():
    kind = notifications.get_kind("meeting_published")
    assert kind.per_theme and kind.optional
    assert kind.default == "daily"
