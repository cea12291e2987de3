"""Emails name a theme in their reader's language: its title is stored in each
language it has a live translation in (never a draft's), as it was when the email
was written."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone, translation

from accounts import digests
from accounts.factories import UserFactory
from accounts.models import Notification
from catalogue import services as catalogue_services
from catalogue.factories import StatisticFactory
from consultations import notifications as consultation_notifications
from consultations.factories import ConsultationPageFactory
from events import services as events_services
from events.factories import EventPageFactory
from forums import notifications as forum_notifications
from forums import services as forum_services
from forums.factories import ThreadFactory
from gaps import services as gap_services
from gaps.factories import DataGapFactory
from gaps.models import Status
from tests.in_welsh import translated
from themes import services as theme_services

pytestmark = pytest.mark.django_db

TAI = "Tai"
UK = ZoneInfo("Europe/London")


@pytest.fixture
def tai(housing, welsh):
    return translated(housing, welsh, TAI)


@pytest.fixture
def readers():
    return UserFactory(email_language="cy"), UserFactory(email_language="en-gb")


def by_reader(mailoutbox, readers):
    cymro, sais = readers
    found = {message.to[0]: message for message in mailoutbox}
    return found[cymro.email], found[sais.email]


def test_a_gap_email_names_the_theme_in_welsh(
    housing, tai, editor, readers, mailoutbox
):
    gap = DataGapFactory(theme=housing, title="Rents by ward")
    for reader in readers:
        gap_services.follow(gap, reader)

    gap_services.change_status(gap, editor, status=Status.ACKNOWLEDGED, note="Seen.")

    welsh_email, english_email = by_reader(mailoutbox, readers)
    assert f"yn {TAI}" in welsh_email.body
    assert "Housing" not in welsh_email.body
    assert "in Housing" in english_email.body


def test_a_gap_email_keeps_the_english_title_where_the_welsh_is_a_draft(
    housing, welsh, editor, readers, mailoutbox
):
    translated(housing, welsh, "Drafft", publish=False)
    gap = DataGapFactory(theme=housing, title="Rents by ward")
    for reader in readers:
        gap_services.follow(gap, reader)

    gap_services.change_status(gap, editor, status=Status.ACKNOWLEDGED, note="Seen.")

    welsh_email, _ = by_reader(mailoutbox, readers)
    assert "yn Housing" in welsh_email.body
    assert "Drafft" not in welsh_email.body


def test_a_reply_email_names_the_theme_in_welsh(housing, tai, readers, mailoutbox):
    thread = ThreadFactory(theme=housing, title="Rents by ward")
    for reader in readers:
        forum_services.follow(thread, reader)

    forum_services.post_reply(thread, UserFactory(), "Table 4.")

    welsh_email, english_email = by_reader(mailoutbox, readers)
    assert f"({TAI})" in welsh_email.body
    assert "Housing" not in welsh_email.body
    assert "(Housing)" in english_email.body


def test_an_email_keeps_the_title_the_theme_had_when_it_was_written(
    housing, tai, readers
):
    thread = ThreadFactory(theme=housing, title="Rents by ward")
    forum_services.follow(thread, readers[0])
    reply = forum_services.post_reply(thread, UserFactory(), "Table 4.", tell=False)
    with translation.override("en-gb"):
        forum_notifications.tell_followers_of_reply(reply.pk)
    tai.title = "Tai a chynllunio"
    tai.save_revision().publish()

    row = Notification.objects.get(user=readers[0], kind="thread_reply")
    assert row.context["theme_title"]["in_languages"] == {"en-gb": "Housing", "cy": TAI}


def test_a_welsh_digest_heads_its_themes_with_their_welsh_titles_in_welsh_order(
    housing, health, welsh
):
    translated(housing, welsh, TAI)
    translated(health, welsh, "Y Gwasanaeth Iechyd")
    member = UserFactory(email_language="cy")
    for theme in (housing, health):
        theme_services.join_theme(member, theme, "daily")
        thread = ThreadFactory(theme=theme)
        forum_notifications.tell_members_of_thread(thread.pk)
    tomorrow = timezone.localdate(timezone=UK) + dt.timedelta(days=1)

    digests.queue_due(dt.datetime.combine(tomorrow, dt.time(7, 5), tzinfo=UK))

    [message] = mail.outbox
    body = message.body
    # In English, Health came before Housing.
    assert body.index(TAI.upper()) < body.index("Y GWASANAETH IECHYD")
    assert "HOUSING" not in body and "HEALTH" not in body


def test_a_thread_email_says_its_kind_and_a_former_member_in_welsh(
    housing, tai, readers, mailoutbox
):
    statistic = StatisticFactory(name="Rents")
    for reader in readers:
        catalogue_services.follow(statistic, reader)
    thread = ThreadFactory(theme=housing, title="Rents?", kind="question", author=None)
    thread.statistics.set([statistic])

    forum_notifications.tell_followers_of_statistics(thread.pk)

    welsh_email, english_email = by_reader(mailoutbox, readers)
    assert "Cyn-aelod" in welsh_email.body
    assert "(cwestiwn i'r cynhyrchwyr)" in welsh_email.body
    assert f"yn {TAI}" in welsh_email.body
    for english in ["A former member", "question for the producers", "Housing"]:
        assert english not in welsh_email.body
    assert "A former member started a thread in Housing" in english_email.body
    assert "(a question for the producers)" in english_email.body


# Tuesday 2 March 2027, 10:00 to 12:00 UK time; a consultation closing 1 February.
MARCH_2 = dt.datetime(2027, 3, 2, 10, tzinfo=UK)
FEBRUARY_1 = dt.datetime(2027, 2, 1, 23, 59, tzinfo=UK)


def test_a_meeting_email_gives_its_time_and_format_in_welsh(
    housing, readers, mailoutbox
):
    meeting = EventPageFactory(
        parent=housing, start=MARCH_2, end=MARCH_2 + dt.timedelta(hours=2)
    )
    for reader in readers:
        events_services.register(meeting, reader)

    welsh_email, english_email = by_reader(mailoutbox, readers)
    assert "Dydd Mawrth 2 Mawrth 2027, 10:00 i 12:00 (amser y DU)" in welsh_email.body
    assert "Ar-lein" in welsh_email.body
    for english in ["Tuesday", "March", "UK time", "Online"]:
        assert english not in welsh_email.body
    assert "Tuesday 2 March 2027, 10:00 to 12:00 (UK time)" in english_email.body
    assert "Online" in english_email.body


def test_a_meeting_change_email_says_what_changed_in_welsh(
    housing, readers, mailoutbox
):
    meeting = EventPageFactory(
        parent=housing, start=MARCH_2, end=MARCH_2 + dt.timedelta(hours=2)
    )
    for reader in readers:
        events_services.register(meeting, reader, tell_them=False)
    draft = meeting.get_latest_revision_as_object()
    draft.start, draft.end = MARCH_2 + dt.timedelta(hours=1), draft.end
    draft.joining_link = "https://meet.example.org/new"

    draft.save_revision().publish()

    welsh_email, english_email = by_reader(mailoutbox, readers)
    # "ac" before the vowel of "amser".
    assert "Mae'r cadeiryddion wedi newid dolen ymuno ac amser" in welsh_email.body
    assert "joining link" not in welsh_email.body
    assert "have changed the joining link and time of" in english_email.body


def test_a_consultation_email_gives_its_dates_in_welsh(housing, readers, mailoutbox):
    for reader in readers:
        theme_services.join_theme(reader, housing)
    consultation = ConsultationPageFactory(parent=housing, closes_at=FEBRUARY_1)

    consultation_notifications.tell_members_opened(consultation.pk)

    welsh_email, english_email = by_reader(mailoutbox, readers)
    assert "1 Chwefror 2027" in welsh_email.body
    assert "February" not in welsh_email.body
    assert "1 February 2027" in english_email.body
