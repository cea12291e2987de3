from datetime import date, datetime, timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.notifications import Frequency, get_kind, set_frequency
from core.working_days import LONDON, is_working_day
from gaps import services, waiting
from gaps.models import DataGap, Status
from themes.factories import ThemePageFactory, appoint
from themes.models import Role
from themes.services import grant_role

pytestmark = pytest.mark.django_db

# Friday 3 January 2031, late in the afternoon.
FRIDAY = datetime(2031, 1, 3, 17, 30, tzinfo=LONDON)
# Twenty working days later is Friday 31 January; the 21st is Monday 3 February.
TWENTIETH = datetime(2031, 1, 31, 9, 0, tzinfo=LONDON)
TWENTY_FIRST = datetime(2031, 2, 3, 9, 0, tzinfo=LONDON)


@pytest.fixture
def transport(theme_index):
    return ThemePageFactory(parent=theme_index, title="Transport", slug="transport")


@pytest.fixture
def energy(theme_index):
    return ThemePageFactory(parent=theme_index, title="Energy", slug="energy")


@pytest.fixture
def producer(transport, editor):
    return appoint(transport, Role.PRODUCER, editor)


@pytest.fixture
def chair(transport, editor):
    return appoint(transport, Role.CHAIR, editor)


def raised_at(theme, when, title="Bus punctuality by route"):
    gap = services.raise_gap(
        UserFactory(),
        theme,
        title=title,
        measure="Punctuality of each bus route, monthly.",
        purpose="Holding operators to their contracts.",
    )
    # created_at is set on insert; move it to when it was raised.
    DataGap.objects.filter(pk=gap.pk).update(created_at=when, last_moved_at=when)
    gap.refresh_from_db()
    return gap


# Twenty working days


def test_a_gap_raised_on_a_friday_is_not_waiting_on_the_twentieth_working_day(
    transport,
):
    gap = raised_at(transport, FRIDAY)

    assert list(waiting.waiting_gaps(transport, now=TWENTIETH)) == []
    assert list(waiting.waiting_gaps(transport, now=TWENTIETH.replace(hour=23))) == []
    assert list(waiting.waiting_gaps(transport, now=TWENTY_FIRST)) == [gap]


def test_the_weekend_after_the_twentieth_working_day_does_not_count(transport):
    raised_at(transport, FRIDAY)

    for day in [1, 2]:  # Saturday and Sunday 1 and 2 February
        now = datetime(2031, 2, day, 12, 0, tzinfo=LONDON)
        assert not waiting.waiting_gaps(transport, now=now).exists()


def test_a_gap_raised_early_on_the_friday_waits_just_as_long(transport):
    gap = raised_at(transport, FRIDAY.replace(hour=0, minute=5))

    assert not waiting.waiting_gaps(transport, now=TWENTIETH).exists()
    assert list(waiting.waiting_gaps(transport, now=TWENTY_FIRST)) == [gap]


def test_the_cut_off_is_the_start_of_the_twenty_first_working_day_back():
    assert waiting.waiting_since(TWENTY_FIRST) == datetime(2031, 1, 6, tzinfo=LONDON)
    assert waiting.waiting_since(TWENTIETH) == datetime(2031, 1, 3, tzinfo=LONDON)


def test_bank_holidays_in_england_and_wales_are_not_working_days():
    assert not is_working_day(date(2031, 12, 25))
    assert not is_working_day(date(2031, 8, 25))  # Summer bank holiday
    assert is_working_day(date(2031, 12, 24))

    # Counting back from Tuesday 20 January 2032 skips New Year's Day, Christmas
    # Day and Boxing Day: without them the cut-off would be 23 December.
    cut_off = waiting.waiting_since(datetime(2032, 1, 20, 12, 0, tzinfo=LONDON))
    assert cut_off == datetime(2031, 12, 18, tzinfo=LONDON)


def test_waiting_gaps_are_the_themes_own_and_only_those_never_answered(
    transport, energy, producer
):
    old = FRIDAY - timedelta(days=7)
    waiting_gap = raised_at(transport, old, title="Rail fares by route")
    answered = raised_at(transport, old, title="Road deaths by county")
    services.change_status(
        answered, producer, status=Status.ACKNOWLEDGED, note="We are looking."
    )
    raised_at(energy, old, title="Heat pumps by area")
    raised_at(transport, TWENTIETH - timedelta(days=1), title="Too recent")

    assert list(waiting.waiting_gaps(transport, now=TWENTY_FIRST)) == [waiting_gap]


# Flagging


def test_the_themes_producers_and_chairs_are_told_once(
    transport, energy, producer, chair, editor, mailoutbox
):
    appoint(energy, Role.PRODUCER, editor)  # another theme's producer
    member = UserFactory()
    gap = raised_at(transport, FRIDAY)

    assert waiting.flag_waiting_gaps(TWENTY_FIRST) == (1, 2)

    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [producer.email, chair.email]
    )
    assert member.email not in [message.to[0] for message in mailoutbox]
    message = mailoutbox[0]
    assert message.subject == (
        "A data gap in Transport has waited more than 20 working days for a response"
    )
    assert "Bus punctuality by route" in message.body
    assert "raised 3 January 2031" in message.body
    assert gap.get_full_url() in message.body
    gap.refresh_from_db()
    assert gap.waiting_flagged_at == TWENTY_FIRST

    # The next day's run (and any overlapping one) flags nothing again.
    assert waiting.flag_waiting_gaps(TWENTY_FIRST + timedelta(days=1)) == (0, 0)
    assert len(mailoutbox) == 2


def test_a_welsh_reader_is_told_the_day_it_was_raised_in_welsh(
    transport, editor, mailoutbox
):
    appoint(transport, Role.PRODUCER, editor, email_language="cy")
    raised_at(transport, FRIDAY)

    waiting.flag_waiting_gaps(TWENTY_FIRST)

    (message,) = mailoutbox
    assert "3 Ionawr 2031" in message.body
    assert "January" not in message.body


def test_one_email_per_person_lists_all_their_themes_waiting_gaps(
    transport, producer, mailoutbox
):
    raised_at(transport, FRIDAY, title="Bus punctuality by route")
    raised_at(transport, FRIDAY - timedelta(days=3), title="Cycle lanes by borough")

    assert waiting.flag_waiting_gaps(TWENTY_FIRST) == (2, 1)

    [message] = mailoutbox
    assert message.to == [producer.email]
    assert message.subject == (
        "2 data gaps in Transport have waited more than 20 working days for a response"
    )
    assert "Bus punctuality by route" in message.body
    assert "Cycle lanes by borough" in message.body
    html, _ = message.alternatives[0]
    assert "Cycle lanes by borough" in html


def test_a_producer_who_is_also_chair_gets_one_email(
    transport, producer, editor, mailoutbox
):
    grant_role(transport, producer, Role.CHAIR, granted_by=editor, tell=False)
    raised_at(transport, FRIDAY)

    waiting.flag_waiting_gaps(TWENTY_FIRST)

    assert [message.to for message in mailoutbox] == [[producer.email]]


def test_a_gap_that_has_had_a_response_is_not_flagged(transport, producer, mailoutbox):
    gap = raised_at(transport, FRIDAY)
    services.change_status(
        gap, producer, status=Status.UNDER_ASSESSMENT, note="We are looking."
    )
    mailoutbox.clear()

    assert waiting.flag_waiting_gaps(TWENTY_FIRST) == (0, 0)

    gap.refresh_from_db()
    assert gap.waiting_flagged_at is None
    assert not mailoutbox


def test_a_gap_flagged_by_another_run_is_not_flagged_again(
    transport, producer, mailoutbox
):
    gap = raised_at(transport, FRIDAY)
    DataGap.objects.filter(pk=gap.pk).update(waiting_flagged_at=TWENTY_FIRST)

    assert waiting.flag_waiting_gaps(TWENTY_FIRST) == (0, 0)
    assert not mailoutbox


def test_a_held_gap_waits_from_its_approval_not_from_when_it_was_raised(
    transport, producer, mailoutbox
):
    gap = raised_at(transport, FRIDAY)
    DataGap.objects.filter(pk=gap.pk).update(is_public=False)
    gap.refresh_from_db()

    # Approved on the 20th working day after it was raised.
    with mock.patch.object(timezone, "now", return_value=TWENTIETH):
        services.approve_gap(gap, producer)

    assert list(waiting.waiting_gaps(transport, now=TWENTY_FIRST)) == []
    assert waiting.flag_waiting_gaps(now=TWENTY_FIRST) == (0, 0)


def test_a_recent_gap_is_not_flagged(transport, producer, mailoutbox):
    gap = raised_at(transport, FRIDAY)

    assert waiting.flag_waiting_gaps(TWENTIETH) == (0, 0)

    gap.refresh_from_db()
    assert gap.waiting_flagged_at is None
    assert not mailoutbox


def test_the_flag_follows_each_persons_preference_for_the_theme(
    transport, producer, chair, mailoutbox
):
    set_frequency(producer, get_kind("data_gap_waiting"), Frequency.OFF, transport)
    gap = raised_at(transport, FRIDAY)

    assert waiting.flag_waiting_gaps(TWENTY_FIRST) == (1, 1)

    assert [message.to for message in mailoutbox] == [[chair.email]]
    gap.refresh_from_db()
    assert gap.waiting_flagged_at is not None


def test_a_theme_without_producers_or_chairs_keeps_the_flag_for_its_first(
    transport, editor, mailoutbox
):
    gap = raised_at(transport, FRIDAY)

    assert waiting.flag_waiting_gaps(TWENTY_FIRST) == (0, 0)
    gap.refresh_from_db()
    assert gap.waiting_flagged_at is None

    chair = appoint(transport, Role.CHAIR, editor)
    assert waiting.flag_waiting_gaps(TWENTY_FIRST + timedelta(days=1)) == (1, 1)
    assert [message.to for message in mailoutbox] == [[chair.email]]


def test_the_daily_command_flags_and_reports(transport, producer, mailoutbox):
    raised_at(transport, timezone.now() - timedelta(days=60))
    out = StringIO()

    call_command("flag_waiting_data_gaps", stdout=out)
    call_command("flag_waiting_data_gaps", stdout=out)

    assert out.getvalue().splitlines() == [
        "Flagged 1 waiting data gap; queued 1 email.",
        "Flagged 0 waiting data gaps; queued 0 emails.",
    ]
    assert len(mailoutbox) == 1
