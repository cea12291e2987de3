"""/statistics/ and a page per statistic: its contacts first, then everything
said about it, as each feature's own rules let the reader see it."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from catalogue.factories import StatisticContactFactory, StatisticFactory
from catalogue.models import StatisticFollow
from connections.models import ActionItem
from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationStatistic
from events.factories import EventPageFactory, MinutesPageFactory
from events.models import MeetingStatistic
from forums.factories import ThreadFactory
from gaps.factories import DataGapFactory
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


def test_the_addresses_are_readable(lfs):
    assert reverse("catalogue:statistics") == "/statistics/"
    assert lfs.get_absolute_url() == "/statistics/labour-force-survey/"
    assert (
        reverse("catalogue:follow", kwargs={"slug": lfs.slug})
        == "/statistics/labour-force-survey/follow/"
    )


def test_the_list_shows_every_statistic_with_its_producer(client, lfs, ehs):
    html = client.get("/statistics/").content.decode()

    assert "Labour Force Survey" in html
    assert "Ministry of Housing, Communities and Local Government" in html
    assert "2 statistics" in html


def test_the_list_filters_by_producer_status_and_theme(
    client, lfs, ehs, ons, theme_index
):
    health = ThemePageFactory(parent=theme_index, title="Health", slug="health")
    StatisticFactory(name="Hospital Episode Statistics", themes=[health])

    by_producer = client.get("/statistics/", {"producer": ons.pk}).content.decode()
    by_status = client.get("/statistics/", {"status": "accredited"}).content.decode()
    by_theme = client.get("/statistics/", {"theme": health.slug}).content.decode()

    assert "Labour Force Survey" in by_producer
    assert "English Housing Survey" not in by_producer
    assert "English Housing Survey" in by_status
    assert "Labour Force Survey" not in by_status
    assert "Hospital Episode Statistics" in by_theme
    assert "Labour Force Survey" not in by_theme


@pytest.mark.parametrize(
    "query",
    [{"producer": "99999999999999999999"}, {"status": "<b>"}, {"theme": "x"}],
)
def test_a_hostile_filter_drops_out(client, lfs, query):
    response = client.get("/statistics/", query)

    assert response.status_code == 200
    assert "Labour Force Survey" in response.content.decode()


def test_an_unknown_statistic_is_not_found(client):
    assert client.get("/statistics/no-such-thing/").status_code == 404


def test_the_page_shows_its_contacts_first_then_what_was_said(client, lfs, housing):
    StatisticContactFactory(statistic=lfs, name="Priya Shah", email="lfs@ons.gov.uk")
    thread = ThreadFactory(theme=housing, title="Why did the LFS sample shrink?")
    thread.statistics.add(lfs)
    gap = DataGapFactory(theme=housing, title="LFS by local authority")
    gap.statistics.add(lfs)

    html = client.get(lfs.get_absolute_url()).content.decode()

    assert html.index("Priya Shah") < html.index("Why did the LFS sample shrink?")
    assert "mailto:lfs@ons.gov.uk" in html
    assert "LFS by local authority" in html
    assert "Raised" in html
    assert 'href="https://statistics.example.org/labour-force-survey"' in html


def test_held_posts_are_seen_only_by_their_author_and_the_theme_keepers(
    client, lfs, housing, ons_producer
):
    author = UserFactory()
    thread = ThreadFactory(
        theme=housing, author=author, title="Held question", is_public=False
    )
    thread.statistics.add(lfs)
    gap = DataGapFactory(theme=housing, title="Held gap", is_public=False)
    gap.statistics.add(lfs)

    as_visitor = client.get(lfs.get_absolute_url()).content.decode()
    client.force_login(author)
    as_author = client.get(lfs.get_absolute_url()).content.decode()
    client.force_login(ons_producer)
    as_producer = client.get(lfs.get_absolute_url()).content.decode()

    assert "Held question" not in as_visitor and "Held gap" not in as_visitor
    assert "Held question" in as_author
    # The register's triagers (producers, chairs) see held gaps; only chairs
    # moderate threads: each feature's own rule.
    assert "Held gap" in as_producer and "Held question" not in as_producer


def test_nothing_of_an_unpublished_theme_is_shown(client, lfs, theme_index):
    hidden = ThemePageFactory(parent=theme_index, title="Draft", slug="draft")
    thread = ThreadFactory(theme=hidden, title="In a draft theme")
    thread.statistics.add(lfs)
    meeting = EventPageFactory(parent=hidden, title="Meeting in a draft theme")
    MeetingStatistic.objects.create(page=meeting, statistic=lfs)
    hidden.unpublish()

    html = client.get(lfs.get_absolute_url()).content.decode()

    assert "In a draft theme" not in html
    assert "Meeting in a draft theme" not in html


def test_consultations_meetings_and_actions_naming_it_are_listed(client, lfs, housing):
    consultation = ConsultationPageFactory(parent=housing, title="LFS changes")
    ConsultationStatistic.objects.create(page=consultation, statistic=lfs)
    meeting = EventPageFactory(parent=housing, title="LFS users meeting")
    MeetingStatistic.objects.create(page=meeting, statistic=lfs)
    minutes = MinutesPageFactory(parent=meeting)
    ActionItem.objects.create(
        page=minutes,
        description="Publish the LFS reweighting plan",
        owner="ONS",
        statistic=lfs,
    )
    draft = ConsultationPageFactory(parent=housing, title="Draft consultation")
    ConsultationStatistic.objects.create(page=draft, statistic=lfs)
    draft.unpublish()

    html = client.get(lfs.get_absolute_url()).content.decode()

    assert "LFS changes" in html
    assert "LFS users meeting" in html
    assert "Publish the LFS reweighting plan" in html
    assert "Draft consultation" not in html


def make_said(lfs, housing, numbers):
    for i in numbers:
        thread = ThreadFactory(theme=housing, title=f"Thread {i}")
        thread.statistics.add(lfs)
        gap = DataGapFactory(theme=housing, title=f"Gap {i}")
        gap.statistics.add(lfs)
        meeting = EventPageFactory(parent=housing, title=f"Meeting {i}")
        MeetingStatistic.objects.create(page=meeting, statistic=lfs)
        minutes = MinutesPageFactory(parent=meeting)
        ActionItem.objects.create(
            page=minutes, description=f"Action {i}", owner="ONS", statistic=lfs
        )
        consultation = ConsultationPageFactory(parent=housing, title=f"C {i}")
        ConsultationStatistic.objects.create(page=consultation, statistic=lfs)
        StatisticContactFactory(statistic=lfs)


def queries_for(client, url, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


BUDGET = 24


def test_a_statistics_page_costs_the_same_whatever_was_said(
    client, lfs, housing, django_assert_max_num_queries
):
    make_said(lfs, housing, range(1))
    queries_for(client, lfs.get_absolute_url(), django_assert_max_num_queries, BUDGET)
    make_said(lfs, housing, range(1, 5))
    queries_for(client, lfs.get_absolute_url(), django_assert_max_num_queries, BUDGET)
    client.force_login(UserFactory())
    queries_for(
        client, lfs.get_absolute_url(), django_assert_max_num_queries, BUDGET + 8
    )


def test_the_list_costs_the_same_whatever_its_length(
    client, housing, django_assert_max_num_queries
):
    StatisticFactory(themes=[housing])
    queries_for(client, "/statistics/", django_assert_max_num_queries, 9)
    for _ in range(10):
        StatisticFactory(themes=[housing])
    queries_for(client, "/statistics/", django_assert_max_num_queries, 9)


# Following


def test_a_member_follows_and_unfollows_a_statistic(client, lfs):
    member = UserFactory()
    client.force_login(member)
    url = reverse("catalogue:follow", kwargs={"slug": lfs.slug})

    followed = client.post(url, {"action": "follow"})
    page = client.get(lfs.get_absolute_url()).content.decode()
    client.post(url, {"action": "unfollow"})

    assert followed.status_code == 302
    assert "Unfollow" in page
    assert not StatisticFollow.objects.exists()


def test_following_needs_a_signed_in_member_and_a_known_action(client, lfs):
    url = reverse("catalogue:follow", kwargs={"slug": lfs.slug})

    assert client.post(url, {"action": "follow"}).status_code == 302
    assert not StatisticFollow.objects.exists()
    client.force_login(UserFactory())
    assert client.post(url, {"action": "shout"}).status_code == 400
    assert client.get(url).status_code == 405


def test_a_members_follows_are_in_their_data_and_go_with_their_account(lfs):
    from accounts.personal_data import registered

    member = UserFactory()
    StatisticFollow.objects.create(user=member, statistic=lfs)
    hooks = {data.key: data for data in registered()}["statistics"]

    assert hooks.export(member)["following"] == ["Labour Force Survey"]

    hooks.erase(member, keep_public_posts=True)

    assert not StatisticFollow.objects.exists()
