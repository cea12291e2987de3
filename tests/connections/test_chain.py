"""The chain, both ways: a discussion shows the gaps, meetings' actions and
consultations that came from it; a gap shows the discussions, meetings, actions and
consultations about it; an action shows its meeting, discussion and gap. Each end is
shown by its own feature's rule: held or hidden posts to those who may see them,
pages only when live and public in a public theme."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from catalogue.factories import StatisticFactory
from connections.models import ActionItem, ConsultationThreadLink, GapThread
from consultations.factories import ConsultationPageFactory
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from gaps.factories import DataGapFactory
from gaps.models import DataGap

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(housing):
    return ThreadFactory(theme=housing, title="Damp in rented homes")


@pytest.fixture
def gap(housing):
    return DataGapFactory(theme=housing, title="Damp by tenure")


@pytest.fixture
def meeting(housing):
    return EventPageFactory(parent=housing, title="Housing users meeting")


def agreed(meeting, description, **links):
    minutes = meeting.get_children().first()
    if minutes is None:
        minutes = MinutesPageFactory(parent=meeting)
    else:
        minutes = minutes.specific
    return ActionItem.objects.create(
        page=minutes, description=description, owner="ONS", **links
    )


def html(client, thing):
    response = client.get(thing.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def raise_gap_url(thread):
    return reverse(
        "connections:raise_gap",
        kwargs={"theme_slug": thread.theme.slug, "pk": thread.pk},
    )


# Both ends


def test_a_thread_shows_the_gap_action_and_consultation_that_came_from_it(
    client, housing, thread, gap, meeting
):
    GapThread.objects.create(data_gap=gap, thread=thread)
    action = agreed(meeting, "Publish damp by tenure", thread=thread, data_gap=gap)
    consultation = ConsultationPageFactory(parent=housing, title="Damp questions")
    ConsultationThreadLink.objects.create(page=consultation, thread=thread)

    page = html(client, thread)

    assert "What came of this discussion" in page
    assert f'href="{gap.get_absolute_url()}"' in page
    assert "Publish damp by tenure" in page
    assert f'href="{meeting.url}">Meeting: {meeting.title}' in page
    assert f'href="{action.page.url}#actions"' in page
    assert f'href="{consultation.url}"' in page


def test_a_gap_shows_the_thread_it_was_raised_from_and_the_action_its_meeting(
    client, thread, gap, meeting
):
    GapThread.objects.create(data_gap=gap, thread=thread)
    agreed(meeting, "Publish damp by tenure", thread=thread, data_gap=gap)

    page = html(client, gap)

    assert f'href="{thread.get_absolute_url()}"' in page
    assert f'href="{meeting.url}">Meeting: {meeting.title}' in page
    # The action names the discussion it answers; the gap is the page itself.
    assert f"Discussion: {thread.title}" in page
    assert f"Data gap: {gap.title}" not in page


def test_an_action_in_the_minutes_shows_its_thread_gap_and_statistic(
    client, thread, gap, meeting, ons, housing
):
    lfs = StatisticFactory(name="Labour Force Survey", producer=ons, themes=[housing])
    action = agreed(
        meeting, "Publish damp by tenure", thread=thread, data_gap=gap, statistic=lfs
    )

    page = client.get(action.page.url).content.decode()

    assert f'href="{thread.get_absolute_url()}">Discussion: {thread.title}' in page
    assert f'href="{gap.get_absolute_url()}">Data gap: {gap.title}' in page
    assert f'href="{lfs.get_absolute_url()}">Statistic: {lfs.name}' in page


def test_the_theme_pages_open_actions_name_their_meeting(
    client, housing, meeting, thread
):
    agreed(meeting, "Publish damp by tenure", thread=thread)

    page = client.get(housing.url).content.decode()

    assert f'href="{meeting.url}">Meeting: {meeting.title}' in page


# Each end by its own rule


def test_a_held_gap_shows_on_the_thread_only_to_its_author(client, thread, housing):
    author = UserFactory()
    held = DataGapFactory(theme=housing, title="Held gap", author=author)
    DataGap.objects.filter(pk=held.pk).update(is_public=False)
    GapThread.objects.create(data_gap=held, thread=thread)

    assert "Held gap" not in html(client, thread)
    client.force_login(author)
    assert "Held gap" in html(client, thread)


def test_a_hidden_thread_shows_on_neither_the_gap_nor_an_action(
    client, housing, gap, meeting
):
    hidden = ThreadFactory(theme=housing, title="Hidden talk", is_public=False)
    GapThread.objects.create(data_gap=gap, thread=hidden)
    agreed(meeting, "Look into it", data_gap=gap, thread=hidden)

    page = html(client, gap)

    assert "Look into it" in page
    assert "Hidden talk" not in page


def test_actions_of_unpublished_or_restricted_minutes_are_not_shown(
    client, housing, thread
):
    draft_meeting = EventPageFactory(parent=housing, title="Draft meeting")
    agreed(draft_meeting, "Drafted action", thread=thread)
    draft_meeting.get_children().first().unpublish()
    private_meeting = EventPageFactory(parent=housing, title="Private meeting")
    agreed(private_meeting, "Private action", thread=thread)
    PageViewRestriction.objects.create(
        page=private_meeting, restriction_type=PageViewRestriction.LOGIN
    )

    page = html(client, thread)

    assert "Drafted action" not in page
    assert "Private action" not in page


def test_a_consultation_in_an_unpublished_theme_is_not_shown_on_the_gap(
    client, housing, theme_index, gap
):
    from connections.models import ConsultationGapLink
    from themes.factories import ThemePageFactory

    hidden_theme = ThemePageFactory(parent=theme_index, title="Hidden theme")
    consultation = ConsultationPageFactory(parent=hidden_theme, title="Hidden one")
    ConsultationGapLink.objects.create(page=consultation, data_gap=gap)
    hidden_theme.unpublish()

    assert "Hidden one" not in html(client, gap)


# Raising a gap from a discussion


def test_a_member_raises_a_gap_from_a_thread_and_the_two_link(
    client, thread, gap_fields, ons, housing
):
    lfs = StatisticFactory(name="Labour Force Survey", producer=ons, themes=[housing])
    thread.statistics.set([lfs])
    client.force_login(UserFactory())
    assert "Raise a data gap from this discussion" in html(client, thread)

    form = client.get(raise_gap_url(thread)).content.decode()
    assert f'href="{thread.get_absolute_url()}"' in form
    # The thread's statistics are ticked for the gap to start with.
    assert f'value="{lfs.pk}" checked' in form
    response = client.post(raise_gap_url(thread), gap_fields)

    gap = DataGap.objects.get(title=gap_fields["title"])
    assert response.status_code == 302
    assert response.url == gap.get_absolute_url()
    assert GapThread.objects.filter(data_gap=gap, thread=thread).exists()
    assert f'href="{thread.get_absolute_url()}"' in html(client, gap)
    assert gap.title in html(client, thread)


def test_a_visitor_is_asked_to_sign_in_and_sees_no_link(client, thread, gap_fields):
    assert "Raise a data gap from this discussion" not in html(client, thread)

    response = client.post(raise_gap_url(thread), gap_fields)

    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert not DataGap.objects.exists()


def test_bad_input_keeps_what_was_typed_and_links_nothing(client, thread):
    client.force_login(UserFactory())

    response = client.post(
        raise_gap_url(thread), {"title": "Kept title", "measure": "", "purpose": ""}
    )

    assert response.status_code == 400
    assert 'value="Kept title"' in response.content.decode()
    assert not DataGap.objects.exists()
    assert not GapThread.objects.exists()


def test_a_suspended_member_raises_no_gap_from_a_thread(client, thread, gap_fields):
    client.force_login(UserFactory(suspended_until=timezone.now() + timedelta(days=3)))

    response = client.post(raise_gap_url(thread), gap_fields)

    assert response.status_code == 403
    assert not DataGap.objects.exists()
    assert not GapThread.objects.exists()


def test_no_gap_is_raised_from_a_held_thread_or_one_in_another_theme(
    client, housing, health, gap_fields
):
    held = ThreadFactory(theme=housing, is_public=False)
    client.force_login(held.author)
    assert client.post(raise_gap_url(held), gap_fields).status_code == 404
    elsewhere = ThreadFactory(theme=health)
    wrong_theme = reverse(
        "connections:raise_gap", kwargs={"theme_slug": housing.slug, "pk": elsewhere.pk}
    )
    assert client.post(wrong_theme, gap_fields).status_code == 404
    assert not DataGap.objects.exists()


# The statistics a thread or a gap concerns


def test_a_thread_and_a_gap_list_the_statistics_they_concern(
    client, thread, gap, ons, housing
):
    lfs = StatisticFactory(name="Labour Force Survey", producer=ons, themes=[housing])
    thread.statistics.set([lfs])
    gap.statistics.set([lfs])

    for thing in (thread, gap):
        page = html(client, thing)
        assert "Statistics this is about" in page
        assert f'href="{lfs.get_absolute_url()}">Labour Force Survey' in page


# Query budgets, flat with the number of links


def queries(client, thing):
    with CaptureQueriesContext(connection) as captured:
        html(client, thing)
    return len(captured)


def linked(housing, thread, gap, count):
    meeting = EventPageFactory(parent=housing)
    for n in range(count):
        other_gap = DataGapFactory(theme=housing)
        other_thread = ThreadFactory(theme=housing)
        GapThread.objects.create(data_gap=other_gap, thread=thread)
        GapThread.objects.create(data_gap=gap, thread=other_thread)
        agreed(meeting, f"Action {n}", thread=thread, data_gap=gap)
        consultation = ConsultationPageFactory(parent=housing)
        ConsultationThreadLink.objects.create(page=consultation, thread=thread)
        thread.statistics.add(StatisticFactory(themes=[housing]))
        gap.statistics.add(StatisticFactory(themes=[housing]))


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_thread_and_gap_pages_cost_the_same_for_1_or_12_links(
    client, housing, signed_in, django_assert_max_num_queries
):
    one_thread, many_thread = ThreadFactory(theme=housing), ThreadFactory(theme=housing)
    one_gap, many_gap = DataGapFactory(theme=housing), DataGapFactory(theme=housing)
    linked(housing, one_thread, one_gap, 1)
    linked(housing, many_thread, many_gap, 12)
    if signed_in:
        client.force_login(UserFactory())
    queries(client, one_thread)  # sessions and caches warmed
    queries(client, one_gap)

    assert queries(client, one_thread) == queries(client, many_thread)
    assert queries(client, one_gap) == queries(client, many_gap)
    with django_assert_max_num_queries(40):
        html(client, many_thread)
    with django_assert_max_num_queries(40):
        html(client, many_gap)
