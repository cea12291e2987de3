from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.personal_data import registered
from gaps import services, stats
from gaps.models import DataGap, GapSupport
from themes import services as theme_services
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(migration):
    return migration


@pytest.fixture
def producer(theme, editor):
    producer = UserFactory()
    theme_services.grant_role(
        theme, producer, Role.PRODUCER, granted_by=editor, tell=False
    )
    return producer


def raise_gap(theme, title="Local estimates", days_ago=0, author=None):
    gap = services.raise_gap(
        author or UserFactory(), theme, title=title, measure="M", purpose="P"
    )
    raised = timezone.now() - timedelta(days=days_ago)
    # Set on insert; moved to when it was raised (and reached the register).
    DataGap.objects.filter(pk=gap.pk).update(created_at=raised, last_moved_at=raised)
    gap.refresh_from_db()
    return gap


def respond(gap, producer, days_after, status="acknowledged"):
    services.change_status(gap, producer, status=status, note="Noted.")
    DataGap.objects.filter(pk=gap.pk).update(
        first_response_at=gap.created_at + timedelta(days=days_after)
    )


def test_response_figures_are_the_share_answered_and_the_median_wait(theme, producer):
    answered = [raise_gap(theme, days_ago=30) for _ in range(3)]
    for gap, days_after in zip(answered, [2, 4, 10], strict=True):
        respond(gap, producer, days_after)
    raise_gap(theme, days_ago=5)  # Not answered yet.
    duplicate, original = raise_gap(theme, title="Same again"), answered[0]
    services.change_status(
        duplicate, producer, status="duplicate", note="Same.", duplicate_of=original
    )

    figures = stats._response_stats(theme)

    assert (figures.gaps, figures.responded) == (4, 3)
    assert figures.responded_share == 75
    assert figures.median_days == 4.0
    assert figures.waiting == 0  # The unanswered one is 5 days old.


def test_an_even_number_of_answers_takes_the_middle_two(theme, producer):
    for days_after in [1, 3, 5, 100]:
        respond(raise_gap(theme, days_ago=200), producer, days_after)

    assert stats._response_stats(theme).median_days == 4.0


def test_the_theme_page_says_what_was_met(client, theme, producer):
    met = raise_gap(theme, title="Visa outcomes monthly")
    services.change_status(met, producer, status="met", note="Published monthly.")
    raise_gap(theme, title="Still waiting for this")

    page = client.get(theme.url).content.decode()

    assert "Visa outcomes monthly" in page
    assert "Still waiting for this" not in page
    assert "50% (1 of 2)" in page


def test_the_theme_page_takes_as_many_queries_for_three_met_gaps_as_for_one(
    client, theme, producer
):
    def meet(title):
        gap = raise_gap(theme, title=title)
        services.change_status(gap, producer, status="met", note="Published.")

    meet("Visa outcomes monthly")
    client.get(theme.url)  # The first visit fills the site's caches.
    with CaptureQueriesContext(connection) as one:
        client.get(theme.url)

    meet("Asylum outcomes monthly")
    meet("Student visas by course")
    client.get(theme.url)
    with CaptureQueriesContext(connection) as three:
        page = client.get(theme.url).content.decode()

    assert "Student visas by course" in page
    assert len(three) == len(one)


def test_the_theme_page_owns_up_to_gaps_left_waiting(client, theme):
    raise_gap(theme, title="Forgotten", days_ago=40)

    page = client.get(theme.url).content.decode()

    assert "1 gap has waited more than 20 working days" in page


def test_a_theme_with_no_gaps_invites_the_first(client, theme):
    page = client.get(theme.url).content.decode()

    assert "No one has raised a data gap in this theme yet." in page


def test_members_take_their_gaps_with_them_and_erasure_keeps_the_counts(
    theme, producer
):
    member = UserFactory()
    own = raise_gap(theme, title="Mine", author=member)
    other = raise_gap(theme, title="Theirs")
    services.support(other, member, use_case="For my thesis.")
    hooks = next(data for data in registered() if data.key == "data_gaps")

    exported = hooks.export(member)
    hooks.erase(member, keep_public_posts=True)

    assert [gap["title"] for gap in exported["raised"]] == ["Mine"]
    assert exported["supported"][0]["use_case"] == "For my thesis."
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.author is None
    assert other.support_count == 0
    assert not GapSupport.objects.filter(user=member).exists()


def test_erasing_without_keeping_posts_removes_the_gaps_they_raised(theme):
    member = UserFactory()
    raise_gap(theme, title="Mine", author=member)
    hooks = next(data for data in registered() if data.key == "data_gaps")

    hooks.erase(member, keep_public_posts=False)

    assert not DataGap.objects.filter(title="Mine").exists()
