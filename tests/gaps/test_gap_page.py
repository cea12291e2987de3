import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import UserFactory
from connections.models import ActionItem, GapMeeting, GapThread
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from gaps import services
from gaps.models import DataGap, GapFollow, GapSupport, Status
from gaps.services import SUPPORTS_PER_MINUTE
from themes.factories import ThemeContactFactory, ThemePageFactory
from themes.models import Role
from themes.services import grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def raiser():
    return UserFactory(
        sector="voluntary", display_name="Rae Raiser", email="rae@example.org"
    )


@pytest.fixture
def gap(housing, raiser):
    return services.raise_gap(
        raiser,
        housing,
        title="Overcrowding by local authority",
        measure="Overcrowded households as a share of all households.",
        purpose="Our housing strategy sets targets by area.",
        geography="Local authority",
        breakdown="By tenure",
        frequency="Every year",
        topics=["overcrowding"],
    )


@pytest.fixture
def producer(housing, editor):
    producer = UserFactory()
    grant_role(housing, producer, Role.PRODUCER, granted_by=editor, tell=False)
    return producer


@pytest.fixture
def member():
    return UserFactory(sector="academic", display_name="Mo Member")


def url(gap, action=None):
    if action is None:
        return gap.get_absolute_url()
    return reverse(
        f"gaps:{action}", kwargs={"theme_slug": gap.theme.slug, "pk": gap.pk}
    )


def page(client, gap):
    return client.get(url(gap)).content.decode()


def refreshed(gap):
    return DataGap.objects.get(pk=gap.pk)


# The page


def test_the_page_shows_the_gap_who_raised_it_and_who_answers(
    client, gap, raiser, housing
):
    contact = ThemeContactFactory(theme=housing, name="Hana Head")
    DataGap.objects.filter(pk=gap.pk).update(
        owner_organisation=contact.organisation,
        owner_contact=contact,
        target_date=date(2027, 3, 31),
    )

    response = client.get(url(gap))

    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Overcrowding by local authority",
        "Raised",
        "1 person needs this",
        "Overcrowded households as a share of all households.",
        "Local authority",
        "By tenure",
        "Every year",
        "Our housing strategy sets targets by area.",
        "Voluntary organisation or charity",
        "overcrowding",
        contact.organisation.name,
        "Hana Head",
        "31 March 2027",
        "Housing",
    ]:
        assert text in html, text
    assert f'href="{reverse("public_profile", args=[raiser.pk])}">Rae Raiser' in html
    assert "rae@example.org" not in html


def test_a_gap_whose_raiser_has_left_says_so(client, gap, raiser):
    raiser.delete()

    assert "A former member" in page(client, refreshed(gap))


def test_the_page_is_not_found_in_another_theme_or_an_unpublished_one(
    client, gap, theme_index, housing
):
    other = ThemePageFactory(parent=theme_index, slug="health")
    wrong = reverse("gaps:gap", kwargs={"theme_slug": other.slug, "pk": gap.pk})

    assert client.get(wrong).status_code == 404
    housing.unpublish()
    assert client.get(url(gap)).status_code == 404


def test_the_timeline_shows_every_change_in_order_with_its_note(client, gap, producer):
    services.change_status(
        gap, producer, status=Status.ACKNOWLEDGED, note="We have seen it."
    )
    services.change_status(
        gap, producer, status=Status.PLANNED, note="In next year's plan.\n\nSee p. 4."
    )

    html = page(client, gap)

    updates = list(gap.updates.all())
    assert len(updates) == 3
    positions = [html.index(f'id="update-{u.pk}"') for u in updates]
    assert positions == sorted(positions)
    assert "We have seen it." in html
    assert "<p>In next year&#x27;s plan.</p>\n\n<p>See p. 4.</p>" in html
    assert "Raised by a member." in html
    assert re.search(r"Acknowledged\s*<span aria-hidden=\"true\">→</span>", html)


def test_a_duplicate_points_to_the_gap_it_duplicates_and_takes_no_support(
    client, gap, housing, producer, member
):
    original = services.raise_gap(
        UserFactory(), housing, title="Overcrowding", measure="M", purpose="P"
    )
    services.change_status(
        gap, producer, status=Status.DUPLICATE, note="Same.", duplicate_of=original
    )
    client.force_login(member)

    html = page(client, gap)
    response = client.post(url(gap, "support"), {"use_case": "Me too"})

    assert f'href="{original.get_absolute_url()}"' in html
    assert "This gap duplicates" in html
    assert response.status_code == 400
    assert "Support the gap this one duplicates instead." in response.content.decode()
    assert not GapSupport.objects.filter(user=member).exists()


def test_linked_discussions_meetings_and_actions_are_shown(client, gap, housing):
    thread = ThreadFactory(theme=housing, title="Overcrowding figures")
    meeting = EventPageFactory(parent=housing, title="Housing users' meeting")
    minutes = MinutesPageFactory(parent=meeting)
    action = ActionItem.objects.create(
        page=minutes, description="Publish a table by tenure", owner="ONS"
    )
    GapThread.objects.create(data_gap=gap, thread=thread)
    GapMeeting.objects.create(data_gap=gap, meeting=meeting)
    gap.action_items.add(action)

    html = page(client, gap)

    assert f'href="{thread.get_absolute_url()}"' in html
    assert f'href="{meeting.url}"' in html
    assert f'href="{minutes.url}#actions"' in html
    assert "Publish a table by tenure" in html


# Support


def test_a_member_supports_a_gap_with_a_use_case_and_follows_it(client, gap, member):
    client.force_login(member)

    response = client.post(
        url(gap, "support"), {"use_case": "Planning school places."}, follow=True
    )

    html = response.content.decode()
    support = GapSupport.objects.get(gap=gap, user=member)
    assert response.redirect_chain == [(url(gap) + "#support", 302)]
    assert refreshed(gap).support_count == 1
    assert support.sector == "academic" and not support.show_name
    assert GapFollow.objects.filter(gap=gap, user=member).exists()
    assert "your need is counted" in html
    assert "2 people need this" in html
    assert "Planning school places." in html
    assert "Academic or researcher" in html
    assert "Mo Member" not in html  # they did not choose to show their name
    assert "Save your use case" in html


def test_a_supporter_who_chooses_to_is_named_beside_their_use_case(client, gap, member):
    client.force_login(member)

    client.post(url(gap, "support"), {"use_case": "School places.", "show_name": "on"})

    html = page(client, gap)
    assert f'href="{member.get_absolute_url()}">Mo Member</a>, Academic' in html


def test_a_supporter_changes_their_use_case_without_counting_twice(client, gap, member):
    client.force_login(member)
    client.post(url(gap, "support"), {"use_case": "First thoughts."})

    response = client.post(
        url(gap, "support"), {"use_case": "Better thoughts."}, follow=True
    )

    html = response.content.decode()
    assert refreshed(gap).support_count == 1
    assert GapSupport.objects.get(gap=gap, user=member).use_case == "Better thoughts."
    assert "Your use case has been changed." in html
    assert "First thoughts." not in html


def test_a_supporter_withdraws_and_is_no_longer_counted(client, gap, member):
    client.force_login(member)
    client.post(url(gap, "support"), {"use_case": "School places."})

    response = client.post(url(gap, "withdraw"), follow=True)

    html = response.content.decode()
    assert refreshed(gap).support_count == 0
    assert not GapSupport.objects.filter(gap=gap, user=member).exists()
    assert "1 person needs this" in html
    assert "School places." not in html
    assert "You no longer support this gap." in html
    assert GapFollow.objects.filter(gap=gap, user=member).exists()


def test_the_raiser_cannot_support_their_own_gap(client, gap, raiser):
    client.force_login(raiser)

    html = page(client, gap)
    response = client.post(url(gap, "support"), {"use_case": "Again"})

    assert "You raised this gap, so your need is already counted." in html
    assert "I need this too" not in html
    assert response.status_code == 400
    assert "your need is already counted" in response.content.decode()
    assert refreshed(gap).support_count == 0


def test_an_over_long_use_case_is_refused_and_kept(client, gap, member):
    client.force_login(member)
    too_long = "y" * 1001

    response = client.post(url(gap, "support"), {"use_case": too_long})

    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "at most 1000 characters" in html
    assert too_long in html
    assert not GapSupport.objects.exists()


def test_a_member_changing_support_too_often_waits_and_keeps_the_text(
    client, gap, member
):
    client.force_login(member)
    for n in range(SUPPORTS_PER_MINUTE):
        client.post(url(gap, "support"), {"use_case": f"Version {n}"})

    response = client.post(url(gap, "support"), {"use_case": "One too many"})

    html = response.content.decode()
    assert response.status_code == 429
    assert "Try again in" in html
    assert "One too many" in html
    last = f"Version {SUPPORTS_PER_MINUTE - 1}"
    assert GapSupport.objects.get(user=member).use_case == last


def test_visitors_and_unverified_members_cannot_support_or_follow(client, gap):
    assert "Sign in" in page(client, gap)
    for action in ["support", "withdraw", "follow"]:
        response = client.post(url(gap, action), {"action": "follow"})
        assert response.url.startswith(reverse("account_login"))

    client.force_login(UserFactory(verified=False))
    client.post(url(gap, "support"), {"use_case": "Me"})
    client.post(url(gap, "follow"), {"action": "follow"})

    assert refreshed(gap).support_count == 0
    assert GapFollow.objects.filter(gap=gap).count() == 1  # the raiser


def test_the_actions_only_take_posts(client, gap, member):
    client.force_login(member)

    for action in ["support", "withdraw", "follow"]:
        assert client.get(url(gap, action)).status_code == 405


# Following


def test_a_member_follows_and_unfollows_a_gap(client, gap, member):
    client.force_login(member)
    assert "Follow this gap" in page(client, gap)

    response = client.post(url(gap, "follow"), {"action": "follow"}, follow=True)
    assert GapFollow.objects.filter(gap=gap, user=member).exists()
    assert "Unfollow this gap" in response.content.decode()

    response = client.post(url(gap, "follow"), {"action": "unfollow"}, follow=True)
    assert not GapFollow.objects.filter(gap=gap, user=member).exists()
    assert "You will no longer get emails about this gap." in response.content.decode()


def test_following_needs_a_known_action(client, gap, member):
    client.force_login(member)

    response = client.post(url(gap, "follow"), {"action": "subscribe"})

    assert response.status_code == 400
    assert not GapFollow.objects.filter(gap=gap, user=member).exists()


# Query budget


def grow(gap, producer, count):
    """`count` timeline entries and `count` supporters, half of them named."""
    statuses = [Status.UNDER_ASSESSMENT, Status.PLANNED]
    for n in range(count - 1):  # the "raised" entry is one already
        services.change_status(gap, producer, status=statuses[n % 2], note=f"Step {n}.")
    for n in range(count):
        services.support(
            gap, UserFactory(), use_case=f"Use {n}.", show_name=bool(n % 2)
        )


def queries_for_page(client, gap):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(gap))
    assert response.status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_for_2_or_40_supporters_and_updates(
    client, housing, producer, member, django_assert_max_num_queries
):
    small, large = (
        services.raise_gap(
            UserFactory(), housing, title=f"Gap {n}", measure="M", purpose="P"
        )
        for n in range(2)
    )
    grow(small, producer, 2)
    grow(large, producer, 40)
    for gap in (small, large):
        services.support(gap, member, use_case="Mine.")
        GapThread.objects.create(data_gap=gap, thread=ThreadFactory(theme=housing))
    client.force_login(member)
    queries_for_page(client, small)  # sessions and caches warmed

    assert queries_for_page(client, small) == queries_for_page(client, large)
    # Session, user, savepoints, site and navigation: 7; theme 2; gap 2 (the rule
    # for who sees it reads the view restrictions again); the member's support,
    # follow and triage rights 5; use cases, timeline, topics and statistics 4;
    # where it has come up 9 (discussions by the forums' rule, meetings, actions
    # and consultations each by themes.roles.public_pages, which reads the view
    # restrictions and the themes).
    with django_assert_max_num_queries(27):
        client.get(url(large))
    assert page(client, large).count('id="update-') == 40
