"""The weekly opportunities email: chosen by the member, sent on Mondays at their
digest time through the outbox, their themes first, none in a week with nothing
new, one-click unsubscribe as every other kind."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format

from accounts import notifications
from accounts.factories import UserFactory
from accounts.models import Notification, NotificationPreference
from consultations.factories import ConsultationPageFactory
from core.scheduler import JOBS
from events.factories import EventPageFactory
from forums.factories import ThreadFactory
from gaps import services as gap_services
from gaps.factories import DataGapFactory
from gaps.models import DataGap
from home import weekly_email
from tests.in_welsh import translated
from themes.services import join_theme

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
WEEKLY = NotificationPreference.Frequency.WEEKLY


def next_monday():
    """The first Monday after today: what is made now falls in its week."""
    today = timezone.localdate(timezone=UK)
    return today + dt.timedelta(days=7 - today.weekday())


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=UK)


def run(moment):
    """The scheduler's job, at that UK time."""
    return weekly_email.queue_due(moment.astimezone(dt.UTC))


@pytest.fixture
def member(housing):
    member = UserFactory(display_name="Dana")
    join_theme(member, housing)
    notifications.set_frequency(member, weekly_email.OPPORTUNITIES, WEEKLY)
    return member


@pytest.fixture
def last_week(migration, housing):
    """Something of each kind opened this week, in two themes."""
    opened = timezone.now() - dt.timedelta(minutes=5)
    ConsultationPageFactory(
        parent=migration, title="Monthly <or> quarterly?", opens_at=opened
    )
    EventPageFactory(
        parent=housing, title="Housing users meeting", registration_opens=opened
    )
    DataGapFactory(theme=migration, title="Visas by age")
    DataGapFactory(theme=housing, title="Rents by ward")
    ThreadFactory(theme=housing, title="Where are rents?", kind="question")


def test_the_scheduler_runs_the_job_every_five_minutes():
    assert ("send_opportunities", 5) in {(job.name, job.every_minutes) for job in JOBS}


def test_members_choose_it_weekly_or_off_and_it_is_off_unless_chosen(client):
    member = UserFactory()
    client.force_login(member)

    html = client.get("/accounts/notifications/").content.decode()

    assert "New ways to take part" in html
    field = html[html.index('name="opportunities"') - 400 :]
    assert 'value="weekly"' in field and "Weekly, on Mondays" in field
    kind = weekly_email.OPPORTUNITIES
    assert notifications.frequency_for(member, kind) == "off"
    response = client.post("/accounts/notifications/", {"opportunities": "weekly"})
    assert response.status_code == 302
    assert notifications.frequency_for(member, kind) == WEEKLY


def test_a_daily_choice_is_refused_next_to_the_field(client):
    member = UserFactory()
    client.force_login(member)

    response = client.post("/accounts/notifications/", {"opportunities": "daily"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not NotificationPreference.objects.filter(user=member).exists()


def test_on_monday_at_their_time_members_get_last_week_their_themes_first(
    member, last_week
):
    monday = next_monday()
    assert run(at(monday, 6, 55)) == 0  # before their digest time (07:00)

    assert run(at(monday, 7, 5)) == 1

    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "5 new ways to take part on statsforum"
    body = message.body
    assert "Hello Dana," in body
    assert f"in the week to {monday:%-d %B %Y}" in body
    for heading in [
        "CONSULTATIONS OPEN NOW",
        "MEETINGS WITH PLACES LEFT",
        "DATA GAPS TO ADD YOUR EVIDENCE TO",
        "QUESTIONS WAITING FOR AN ANSWER",
    ]:
        assert heading in body
    # Housing, the member's theme, first.
    assert body.index("Rents by ward") < body.index("Visas by age")
    assert "* Monthly <or> quarterly?" in body
    assert "Migration. Closes " in body
    assert "http://127.0.0.1:8000/get-involved/" in body
    [(html, _)] = message.alternatives
    assert "Monthly &lt;or&gt; quarterly?" in html
    assert (
        '<h2 style="margin:24px 0 8px;font-size:24px;">Meetings with places left'
        in (html)
    )
    assert "Stop emails like this one" in html
    # Sent at once, not kept for the weekly digest; and in the member's inbox.
    row = Notification.objects.get(user=member, kind="opportunities")
    assert row.cadence == Notification.Cadence.IMMEDIATELY
    assert row.event_key == f"opportunities:{monday.isoformat()}"
    assert row.context["involved_url"].endswith("/get-involved/")

    assert run(at(monday, 7, 10)) == 0  # once a week
    assert len(mail.outbox) == 1


def test_nothing_is_sent_in_a_week_with_nothing_new(member, migration):
    old = DataGapFactory(theme=migration, title="Last month's")
    DataGap.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=20),
        last_moved_at=timezone.now() - dt.timedelta(days=20),
    )

    assert run(at(next_monday(), 7, 5)) == 0
    assert weekly_email.send(member.pk, next_monday()) is None
    assert not mail.outbox
    assert not Notification.objects.filter(kind="opportunities").exists()


def test_only_on_mondays_and_only_to_those_who_chose_it(member, last_week):
    UserFactory()  # never chose it
    sunday = next_monday() - dt.timedelta(days=1)

    assert run(at(sunday, 9)) == 0
    assert run(at(next_monday(), 9)) == 1
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_one_click_unsubscribe_switches_it_off(member, last_week):
    run(at(next_monday(), 7, 5))
    [message] = mail.outbox
    link = re.search(
        r"http://127\.0\.0\.1:8000(/accounts/unsubscribe/\S+/)", message.body
    )

    response = Client().post(link.group(1))

    assert response.status_code == 200
    kind = weekly_email.OPPORTUNITIES
    assert notifications.frequency_for(member, kind) == "off"
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )


def test_leaving_the_weekly_digest_leaves_the_opportunities_email_on(member):
    digest = notifications.get_kind("weekly_digest")

    notifications.set_frequency(member, digest, "off")

    kind = weekly_email.OPPORTUNITIES
    assert notifications.frequency_for(member, kind) == WEEKLY


def test_the_command_says_how_many_it_queued(capsys, db):
    call_command("send_opportunities")
    assert re.match(r"Queued \d+ emails?\.", capsys.readouterr().out)


def test_a_welsh_members_email_says_it_all_in_welsh(member, last_week, housing, welsh):
    translated(housing, welsh, "Tai")
    member.email_language = "cy"
    member.save()
    gap_services.support(DataGap.objects.get(title="Rents by ward"), member)
    monday = next_monday()

    run(at(monday, 7, 5))

    [message] = mail.outbox
    body = message.body
    with translation.override("cy"):
        week_to = date_format(monday, "j F Y")
    assert f"yr wythnos hyd at {week_to}" in body
    for heading in ["YMGYNGORIADAU AR AGOR NAWR", "CWESTIYNAU SY'N AROS AM ATEB"]:
        assert heading in body
    assert "Tai. Gofynnwyd " in body
    assert "Tai. Codwyd " in body
    assert "Migration. Yn cau " in body and "(amser y DU)" in body
    assert "(Wedi cefnogi)" in body
    for english in ["Housing.", "Closes", "Asked", "Raised", "Supported", "UK time"]:
        assert english not in body
    [(html, _)] = message.alternatives
    assert "Cyfarfodydd gyda lleoedd ar ôl" in html
