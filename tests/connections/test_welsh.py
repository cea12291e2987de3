"""The chain between features in Welsh, at /cy/: what came of a discussion, a gap's
links, an action's table and what is said about a statistic speak Welsh; the titles
people gave them do not change."""

from html import unescape

import pytest

from accounts.factories import UserFactory
from catalogue.factories import StatisticFactory
from connections.models import ActionItem, GapThread
from core.languages import address_in
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from gaps.factories import DataGapFactory

pytestmark = pytest.mark.django_db


def welsh(path):
    return address_in(path, "cy")


def text(client, path):
    response = client.get(path)
    assert response.status_code == 200
    # Apostrophes arrive escaped (&#x27;): compare the text a reader sees.
    return unescape(response.content.decode())


@pytest.fixture
def thread(housing):
    return ThreadFactory(theme=housing, title="Damp in rented homes")


@pytest.fixture
def gap(housing, thread):
    gap = DataGapFactory(theme=housing, title="Damp by tenure")
    GapThread.objects.create(data_gap=gap, thread=thread)
    return gap


@pytest.fixture
def action(housing, thread, gap):
    meeting = EventPageFactory(parent=housing, title="Housing users meeting")
    minutes = MinutesPageFactory(parent=meeting)
    return ActionItem.objects.create(
        page=minutes,
        description="Publish damp by tenure",
        owner="ONS",
        thread=thread,
        data_gap=gap,
    )


def test_what_came_of_a_discussion_is_told_in_welsh(client, thread, action):
    page = text(client, welsh(thread.get_absolute_url()))

    for cymraeg in [
        "Beth ddaeth o'r drafodaeth hon",
        "Bylchau data",
        "Camau gweithredu a gytunwyd mewn cyfarfodydd",
        "Cyfarfod: Housing users meeting",
        "Dim dyddiad",
        "Ar agor",
    ]:
        assert cymraeg in page
    assert "Publish damp by tenure" in page and "Damp by tenure" in page
    for english in [
        "What came of this discussion",
        "Actions agreed at meetings",
        "Meeting: Housing users meeting",
        "No date",
    ]:
        assert english not in page


def test_the_minutes_list_their_actions_in_welsh(client, action):
    page = text(client, welsh(action.page.url))

    for cymraeg in ["Camau gweithredu", "Pwy", "Erbyn", "Statws", "Trafodaeth: Damp"]:
        assert cymraeg in page
    assert "Actions agreed at the meeting" not in page
    assert "Discussion: Damp" not in page


def test_a_statistic_nobody_has_talked_about_says_so_in_welsh(client, housing, ons):
    lfs = StatisticFactory(name="Labour Force Survey", producer=ons, themes=[housing])

    page = text(client, welsh(lfs.get_absolute_url()))

    for cymraeg in [
        "Cwestiynau a thrafodaethau",
        "Nid oes unrhyw gwestiynau na thrafodaethau yn enwi'r ystadegyn hwn eto.",
        "Nid oes unrhyw gyfarfodydd wedi trafod yr ystadegyn hwn eto.",
    ]:
        assert cymraeg in page
    assert "No questions or discussions name this statistic yet." not in page


def test_a_member_who_may_not_update_an_action_is_told_why_in_welsh(client, action):
    client.force_login(UserFactory())

    response = client.get(welsh(f"/themes/housing/actions/{action.pk}/status/"))

    assert response.status_code == 403
    page = unescape(response.content.decode())
    assert (
        "Dim ond cynhyrchwyr a chadeiryddion y thema sy'n diweddaru ei chamau "
        "gweithredu." in page
    )
    assert "Only the theme's producers and chairs" not in page


def test_the_english_thread_page_keeps_its_english_chain(client, thread, action):
    page = text(client, thread.get_absolute_url())

    assert "What came of this discussion" in page
    assert "Beth ddaeth" not in page
