"""Members name the statistics a thread or a data gap is about, from the theme's,
with a plain checkbox list; followers of a statistic hear of them once they are
public; search finds statistics."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.models import Notification
from catalogue import services as catalogue
from catalogue.factories import StatisticFactory
from forums import moderation
from forums import services as forums
from forums.models import Thread
from gaps import services as gaps
from gaps.models import DataGap
from search.models import SearchDocument
from tests.search.conftest import titles
from themes.services import join_theme

pytestmark = pytest.mark.django_db


def thread_form(**extra):
    return {
        "kind": "question",
        "title": "Why did the LFS sample shrink?",
        "body": "Response rates fell; what is being done?",
        "topics": "",
        "action": "post",
        **extra,
    }


def test_a_member_names_a_statistic_when_starting_a_thread(client, housing, lfs):
    StatisticFactory(name="Elsewhere")  # in no theme: not offered
    client.force_login(UserFactory())
    url = reverse("forums:new_thread", kwargs={"theme_slug": "housing"})

    form = client.get(url).content.decode()
    response = client.post(url, thread_form(statistics=[lfs.pk]))

    assert 'type="checkbox"' in form and "Labour Force Survey (ONS)" in form
    assert "Elsewhere" not in form
    assert response.status_code == 302
    assert list(Thread.objects.get().statistics.all()) == [lfs]


def test_a_statistic_not_offered_is_refused_and_what_was_typed_kept(
    client, housing, lfs
):
    other = StatisticFactory(name="Elsewhere")
    client.force_login(UserFactory())
    url = reverse("forums:new_thread", kwargs={"theme_slug": "housing"})

    for chosen in ([other.pk], ["99999999999999999999999"], ["x"]):
        response = client.post(url, thread_form(statistics=chosen))

        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="id_statistics-error"' in html
        assert "Why did the LFS sample shrink?" in html
    assert not Thread.objects.exists()


def test_a_theme_without_statistics_asks_nothing_about_them(client, health):
    client.force_login(UserFactory())

    form = client.get(
        reverse("forums:new_thread", kwargs={"theme_slug": "health"})
    ).content.decode()

    assert "Which statistics" not in form


def test_editing_a_thread_keeps_or_changes_its_statistics(housing, lfs, ehs):
    author = UserFactory()
    thread = forums.start_thread(
        author, housing, title="T", body="B", kind="discussion", statistics=[lfs]
    )

    forums.edit_thread(thread, author, title="T", body="B2", kind="discussion")
    assert list(thread.statistics.all()) == [lfs]
    forums.edit_thread(
        thread, author, title="T", body="B", kind="discussion", statistics=[ehs]
    )
    assert list(thread.statistics.all()) == [ehs]


def test_a_member_names_a_statistic_when_raising_a_gap(
    client, housing, lfs, gap_fields
):
    client.force_login(UserFactory())

    response = client.post(
        reverse("gaps:new_gap", kwargs={"theme_slug": "housing"}),
        {**gap_fields, "statistics": [lfs.pk]},
    )

    assert response.status_code == 302
    assert list(DataGap.objects.get().statistics.all()) == [lfs]


# Followers


def told(user, kind):
    return Notification.objects.filter(user=user, kind=kind)


def test_followers_hear_of_a_new_thread_naming_the_statistic_in_a_notice_of_their_own(
    housing, lfs
):
    follower, member_too, author = UserFactory(), UserFactory(), UserFactory()
    catalogue.follow(lfs, follower)
    catalogue.follow(lfs, member_too)
    join_theme(member_too, housing)

    thread = forums.start_thread(
        author, housing, title="LFS", body="Body", kind="question", statistics=[lfs]
    )

    assert (
        told(follower, "statistic_thread").get().event_key
        == f"statistic_thread:{thread.pk}"
    )
    # A member of the theme hears of it as a member and as a follower: the
    # theme's notice does not swallow the one they asked for.
    assert told(member_too, "new_thread").get().event_key == f"thread:{thread.pk}"
    assert told(member_too, "statistic_thread").count() == 1
    assert not Notification.objects.filter(user=author).exists()


def test_followers_hear_of_a_held_thread_only_when_it_is_approved(
    housing, lfs, newcomer, editor
):
    editor.is_superuser = True  # moderates everywhere
    editor.save()
    follower = UserFactory()
    catalogue.follow(lfs, follower)

    thread = forums.start_thread(
        newcomer, housing, title="LFS", body="Body", kind="question", statistics=[lfs]
    )
    assert not thread.is_public
    assert not told(follower, "statistic_thread").exists()

    moderation.approve_thread(thread, moderator=editor)

    assert told(follower, "statistic_thread").exists()


def test_followers_hear_of_a_gap_naming_the_statistic_when_it_is_public(
    housing, lfs, newcomer, ons_producer, gap_fields
):
    follower = UserFactory()
    catalogue.follow(lfs, follower)
    public = gaps.raise_gap(UserFactory(), housing, statistics=[lfs], **gap_fields)
    held = gaps.raise_gap(newcomer, housing, statistics=[lfs], **gap_fields)

    assert (
        told(follower, "statistic_gap").get().event_key == f"statistic_gap:{public.pk}"
    )

    gaps.approve_gap(held, ons_producer)

    assert told(follower, "statistic_gap").count() == 2


def test_someone_following_nothing_hears_nothing(housing, lfs):
    bystander = UserFactory()

    forums.start_thread(
        UserFactory(), housing, title="LFS", body="B", kind="question", statistics=[lfs]
    )

    assert not Notification.objects.filter(user=bystander).exists()


# Search


def test_search_finds_a_statistic_by_name_description_and_producer(client, lfs):
    by_name = client.get("/search/", {"query": "labour"})
    by_producer = client.get("/search/", {"query": "ONS"})

    assert titles(by_name) == ["Labour Force Survey"]
    assert "Labour Force Survey" in titles(by_producer)
    assert "Statistic" in by_name.content.decode()


def test_the_index_follows_a_statistic_renamed_its_producer_and_its_deletion(lfs, ons):
    lfs.name = "LFS"
    lfs.save()
    ons.acronym = "NSO"
    ons.save()
    document = SearchDocument.objects.get(source="statistic", object_id=lfs.pk)

    assert document.title == "LFS" and "NSO" in document.body

    lfs.delete()

    assert not SearchDocument.objects.filter(source="statistic").exists()
