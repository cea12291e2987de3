"""The public figures of a theme and of an organisation: what each counts, the
period chosen with GOV.UK date inputs, the charts, the CSV downloads and the
query budgets."""

import csv
import io
from datetime import date, datetime, time, timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationPage
from events.factories import EventPageFactory
from events.models import MeetingRegistration
from figures.measures import Scope, _figures_of
from figures.period import Period, chosen_period
from forums import services as forum_services
from forums.models import Thread
from gaps import services as gap_services
from gaps.models import DataGap
from themes.services import join_theme

pytestmark = pytest.mark.django_db

THE_YEAR = Period.last_twelve_months()
# The figures page's queries: a figure or two each, whatever the numbers.
BUDGET = 34


def ago(days):
    return timezone.now() - timedelta(days=days)


def ask(theme, days_ago, author=None, title="How is it weighted?"):
    thread = forum_services.start_thread(
        author or UserFactory(),
        theme,
        title=title,
        body="Which weights?",
        kind=Thread.Kind.QUESTION,
        tell=False,
    )
    Thread.objects.filter(pk=thread.pk).update(created_at=ago(days_ago))
    thread.refresh_from_db()
    return thread


def reply(thread, user, days_ago):
    posted = forum_services.post_reply(thread, user, "Here is how.", tell=False)
    XtdComment.objects.filter(pk=posted.pk).update(submit_date=ago(days_ago))
    return posted


def figure(scope, slug, period=THE_YEAR):
    return _figures_of(scope, period).get(slug)


def test_questions_count_the_share_a_producer_answered_and_the_median_first_answer(
    migration, ons_producer
):
    members_only = ask(migration, days_ago=20)
    reply(members_only, UserFactory(), days_ago=19)  # a member: no producer answer
    for days_to_answer in (2, 4):
        question = ask(migration, days_ago=20)
        answer = reply(question, ons_producer, days_ago=20 - days_to_answer)
        forum_services.mark_answer(question, answer, marked_by=ons_producer, tell=False)
    ask(migration, days_ago=400)  # before the period

    questions = figure(Scope.of_theme(migration), "questions")
    times = figure(Scope.of_theme(migration), "response-times")

    assert questions.rows == [
        ("Asked", 3),
        ("Answered by a producer", 2),
        ("Not answered", 1),
    ]
    assert "67% answered by a producer" in questions.summary
    assert times.rows[0] == ("Questions", 3.0)


def test_gaps_count_by_status_and_those_met_in_the_period(migration, ons_producer):
    gaps = [
        gap_services.raise_gap(
            UserFactory(), migration, title=t, measure="M", purpose="P"
        )
        for t in ("Local rents", "Small areas", "Weekly deaths")
    ]
    gap_services.change_status(gaps[0], ons_producer, status="met", note="Done.")
    DataGap.objects.filter(pk=gaps[0].pk).update(
        first_response_at=gaps[0].created_at + timedelta(days=5)
    )

    by_status = dict(figure(Scope.of_theme(migration), "gaps-by-status").rows)
    closed = dict(figure(Scope.of_theme(migration), "gaps-closed").rows)
    times = dict(figure(Scope.of_theme(migration), "response-times").rows)

    assert (by_status["Raised"], by_status["Met"]) == (2, 1)
    assert closed == {"Met": 1, "Partly met": 0, "Not feasible": 0}
    assert times["Data gaps"] == 5.0


def test_consultations_are_on_time_late_or_overdue_against_twelve_weeks(migration, ons):
    def closed(slug, days_ago, outcome_after=None):
        page = ConsultationPageFactory(
            parent=migration, slug=slug, title=slug, contact_organisation=ons
        )
        closes = ago(days_ago)
        ConsultationPage.objects.filter(pk=page.pk).update(
            opens_at=closes - timedelta(days=28),
            closes_at=closes,
            outcome_date=(
                timezone.localdate(closes + timedelta(days=outcome_after))
                if outcome_after is not None
                else None
            ),
        )

    closed("on-time", 200, outcome_after=30)
    closed("late", 200, outcome_after=100)
    closed("overdue", 120)
    closed("not-due", 10)

    rows = dict(figure(Scope.of_theme(migration), "consultations").rows)

    assert rows == {
        "Outcome published on time": 1,
        "Outcome published late": 1,
        "Outcome overdue": 1,
        "Outcome not due yet": 1,
        "Still open": 0,
    }


def just_after_midnight_in_summer_time_twelve_weeks_before_the_winter():
    """A closing time in the last year, 00:30 in summer time, whose twelve weeks end
    after the clocks went back: in UTC it is the evening before."""
    day = timezone.localdate() - timedelta(days=90)
    while True:
        closes = timezone.make_aware(datetime.combine(day, time(0, 30)))
        winter = timezone.make_aware(
            datetime.combine(day + timedelta(weeks=12), time())
        )
        if closes.utcoffset() > winter.utcoffset():
            return closes
        day -= timedelta(days=1)


def test_an_outcome_on_its_due_date_is_on_time_across_the_clock_change(migration, ons):
    page = ConsultationPageFactory(parent=migration, contact_organisation=ons)
    closes = just_after_midnight_in_summer_time_twelve_weeks_before_the_winter()
    ConsultationPage.objects.filter(pk=page.pk).update(
        opens_at=closes - timedelta(days=28),
        closes_at=closes,
        outcome_date=timezone.localdate(closes) + timedelta(weeks=12),
    )
    page.refresh_from_db()

    rows = dict(figure(Scope.of_theme(migration), "consultations").rows)

    assert page.outcome_date == page.outcome_due
    assert rows["Outcome published on time"] == 1
    assert rows["Outcome published late"] == 0


def test_members_are_counted_by_sector_and_active_when_they_took_part(migration):
    academic = UserFactory(sector="academic")
    quiet = UserFactory(sector="academic")
    citizen = UserFactory(sector="citizen")
    for member in (academic, quiet, citizen):
        join_theme(member, migration)
    ask(migration, days_ago=3, author=academic)

    rows = {
        row[0]: row[1:] for row in figure(Scope.of_theme(migration), "members").rows
    }

    assert rows["Academic or researcher"] == (2, 1)
    assert rows["Interested citizen"] == (1, 0)


def test_meetings_show_confirmed_places(migration):
    meeting = EventPageFactory(parent=migration, title="Spring", start=ago(30))
    for _ in range(2):
        MeetingRegistration.objects.create(
            meeting=meeting, user=UserFactory(), status="confirmed"
        )
    MeetingRegistration.objects.create(
        meeting=meeting, user=UserFactory(), status="cancelled"
    )
    EventPageFactory(parent=migration, title="Autumn")  # still to come

    rows = figure(Scope.of_theme(migration), "meetings").rows

    assert len(rows) == 1
    assert rows[0][1:] == (2, None)


def test_an_organisation_counts_only_what_it_answered_and_owns(
    migration, ons_producer, ons
):
    question = ask(migration, days_ago=5)
    answer = reply(question, ons_producer, days_ago=4)
    forum_services.mark_answer(question, answer, marked_by=ons_producer, tell=False)
    ask(migration, days_ago=5)

    rows = dict(figure(Scope.of_organisation(ons), "questions").rows)

    assert rows["Answered by a producer"] == 1
    assert rows["Asked"] == 2


# The page


def test_the_theme_page_links_its_figures(client, migration):
    response = client.get(migration.url)
    assert f"/themes/{migration.slug}/figures/" in response.content.decode()


def test_the_figures_page_shows_each_figure_as_a_chart_a_summary_and_a_table(
    client, migration, ons_producer, ons
):
    ask(migration, days_ago=3)

    response = client.get(f"/themes/{migration.slug}/figures/")

    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in page
    assert '<title id="chart-questions-title">' in page
    assert "<script" not in page.split('class="sf-chart"')[1].split("</figure>")[0]
    assert "style=" not in page.split('class="sf-chart"')[1].split("</figure>")[0]
    assert "1 questions asked" in page
    assert "/figures/questions.csv?date_from_day=" in page
    assert f'href="/organisations/{ons.pk}/figures/"' in page  # each producer's


def test_a_bad_date_is_shown_by_its_field_and_the_page_still_has_figures(
    client, migration
):
    response = client.get(
        f"/themes/{migration.slug}/figures/",
        {"date_from_day": "31", "date_from_month": "2", "date_from_year": "2026"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "From must be a real date" in page
    assert 'href="#id_date_from_day"' in page
    assert 'value="31"' in page  # what was typed is kept
    assert "Questions for the producers" in page


def test_hostile_dates_are_errors_not_failures(client, migration):
    response = client.get(
        f"/themes/{migration.slug}/figures/",
        {"date_to_day": "9" * 40, "date_to_month": "x", "date_to_year": "-1e9"},
    )
    assert response.status_code == 200
    assert "To must be a real date" in response.content.decode()


def test_the_chosen_period_is_used_and_the_end_must_follow_the_start():
    form, period = chosen_period(
        {
            "date_from_day": "1",
            "date_from_month": "4",
            "date_from_year": "2025",
            "date_to_day": "31",
            "date_to_month": "3",
            "date_to_year": "2026",
        }
    )
    assert period == Period(date(2025, 4, 1), date(2026, 3, 31))

    form, period = chosen_period(
        {
            "date_from_day": "1",
            "date_from_month": "4",
            "date_from_year": "2026",
            "date_to_day": "1",
            "date_to_month": "1",
            "date_to_year": "2026",
        }
    )
    assert form.errors["date_to"] == ["To must be the same as or after From"]
    # The wrong date gives way to the default; the right one stands.
    assert period == Period(date(2026, 4, 1), timezone.localdate())


def test_an_incomplete_date_says_what_is_missing():
    form, _period = chosen_period({"date_from_day": "1", "date_from_year": "2026"})
    assert form.errors["date_from"] == ["From must include a month"]


def test_figures_of_an_unpublished_theme_are_not_found(client, migration):
    migration.unpublish()
    assert client.get(f"/themes/{migration.slug}/figures/").status_code == 404


def test_the_organisation_page_and_an_unknown_organisation(client, ons, ons_producer):
    assert client.get(f"/organisations/{ons.pk}/figures/").status_code == 200
    assert client.get("/organisations/999999/figures/").status_code == 404


# CSV


def test_each_figure_downloads_as_csv_safe_for_a_spreadsheet(client, migration):
    EventPageFactory(parent=migration, title="=HYPERLINK(1)", start=ago(10))

    response = client.get(f"/themes/{migration.slug}/figures/meetings.csv")

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0] == ["\ufeffMeeting", "Registered", "Present"]
    assert rows[1][0].startswith("'=HYPERLINK(1)")


def test_an_unknown_figure_is_not_found(client, migration):
    assert (
        client.get(f"/themes/{migration.slug}/figures/nothing.csv").status_code == 404
    )


# Query budgets: the same whatever the number of posts.


def some_activity(theme, producer, questions, first=0):
    for n in range(first, first + questions):
        question = ask(theme, days_ago=5)
        answer = reply(question, producer, days_ago=4)
        if n % 2:
            forum_services.mark_answer(question, answer, marked_by=producer, tell=False)
        join_theme(UserFactory(), theme)
        EventPageFactory(parent=theme, title=f"Meeting {n}", start=ago(20 + n))


def test_the_figures_page_costs_the_same_queries_however_many_posts(
    client, migration, ons_producer, django_assert_max_num_queries
):
    url = f"/themes/{migration.slug}/figures/"
    some_activity(migration, ons_producer, 2)
    with django_assert_max_num_queries(BUDGET) as few:
        assert client.get(url).status_code == 200
    cache.clear()
    some_activity(migration, ons_producer, 10, first=2)
    with django_assert_max_num_queries(BUDGET) as many:
        assert client.get(url).status_code == 200
    assert len(few) == len(many), len(few)
    # Cached: the next page asks only for the theme, its producers and what every
    # page asks.
    with django_assert_max_num_queries(9):
        assert client.get(url).status_code == 200


def test_you_said_we_did_lists_what_became_of_gaps_consultations_and_questions(
    migration, ons_producer, ons
):
    gap = gap_services.raise_gap(
        UserFactory(), migration, title="Local rents", measure="M", purpose="P"
    )
    gap_services.change_status(gap, ons_producer, status="met", note="Done.")
    question = ask(migration, days_ago=5, title="Which weights?")
    answer = reply(question, ons_producer, days_ago=4)
    forum_services.mark_answer(question, answer, marked_by=ons_producer, tell=False)
    ask(migration, days_ago=5, title="Still waiting")

    rolled_up = figure(Scope.of_theme(migration), "you-said-we-did")

    assert [row[:3] for row in rolled_up.rows] == [
        ("Local rents", "Data gap", "Met"),
        ("Which weights?", "Question", "Answered by ONS"),
    ]
    assert rolled_up.links == (gap.get_absolute_url(), question.get_absolute_url())
    assert rolled_up.rows[0][4].endswith(gap.get_absolute_url())
