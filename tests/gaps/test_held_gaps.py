"""A new member's data gap waits for a producer or chair, as their first threads
and replies do (accounts.trust), and every action on a gap obeys who may see it."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.factories import OrganisationFactory, UserFactory
from forums import moderation
from forums import services as forum_services
from forums.factories import ThreadFactory
from gaps import services
from gaps.models import DataGap, GapFollow, GapSupport
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.django_db

GAP = {
    "title": "Overcrowding by ward",
    "measure": "Overcrowded households.",
    "purpose": "Our housing strategy.",
}


@pytest.fixture
def housing(theme_index):
    return ThemePageFactory(parent=theme_index, title="Housing", slug="housing")


@pytest.fixture
def newcomer():
    return UserFactory(trusted_since=None, date_joined=timezone.now(), sector="media")


@pytest.fixture
def held_gap(housing, newcomer):
    return services.raise_gap(newcomer, housing, **GAP)


def gap_url(gap, name="gap"):
    return reverse(f"gaps:{name}", kwargs={"theme_slug": gap.theme.slug, "pk": gap.pk})


def register_url(theme):
    return reverse("gaps:register", kwargs={"theme_slug": theme.slug})


def test_a_new_members_first_gap_waits_like_their_first_thread(
    client, housing, newcomer
):
    client.force_login(newcomer)

    response = client.post(
        reverse("gaps:new_gap", kwargs={"theme_slug": housing.slug}), GAP
    )
    thread = forum_services.start_thread(
        newcomer, housing, title="Hello", body="Hi", kind="discussion"
    )

    gap = DataGap.objects.get()
    assert not gap.is_public and not thread.is_public
    assert response.status_code == 302
    own_page = client.get(gap_url(gap)).content.decode()
    assert "waiting for a producer or chair" in own_page
    client.logout()
    assert client.get(gap_url(gap)).status_code == 404
    register = client.get(register_url(housing)).content.decode()
    assert "Overcrowding by ward" not in register
    all_json = client.get(reverse("gaps:all"), {"format": "json"})
    assert "Overcrowding" not in b"".join(all_json.streaming_content).decode()
    similar = client.get(reverse("gaps:similar"), {"q": "Overcrowding"})
    assert "Overcrowding by ward" not in similar.content.decode()


def test_a_trusted_members_gap_is_on_the_register_at_once(client, housing):
    gap = services.raise_gap(UserFactory(), housing, **GAP)

    assert gap.is_public
    assert client.get(gap_url(gap)).status_code == 200


def test_nobody_else_supports_or_follows_a_held_gap(client, held_gap):
    client.force_login(UserFactory())

    support = client.post(gap_url(held_gap, "support"), {"use_case": "Me too"})
    follow = client.post(gap_url(held_gap, "follow"), {"action": "follow"})

    assert (support.status_code, follow.status_code) == (404, 404)
    assert not GapSupport.objects.exists()
    assert list(GapFollow.objects.values_list("user", flat=True)) == [
        held_gap.author_id
    ]


def test_a_producer_approves_a_held_gap_and_two_approvals_trust_the_member(
    client, held_gap, editor, newcomer
):
    producer = appoint(held_gap.theme, Role.PRODUCER, editor, OrganisationFactory())
    client.force_login(producer)
    page = client.get(gap_url(held_gap)).content.decode()
    assert "Approve" in page

    response = client.post(gap_url(held_gap, "approve"))

    assert response.status_code == 302
    assert DataGap.objects.get(pk=held_gap.pk).is_public
    assert ModelLogEntry.objects.get(action="gaps.approve").user == producer
    newcomer.refresh_from_db()
    assert newcomer.trusted_since is None
    # Approvals of any kind count together: one gap and one reply.
    reply = forum_services.post_reply(
        ThreadFactory(theme=held_gap.theme), newcomer, "Hello"
    )
    moderation.approve_reply(reply, moderator=editor)
    newcomer.refresh_from_db()
    assert newcomer.trusted_since is not None
    assert services.raise_gap(newcomer, held_gap.theme, **GAP).is_public


def test_members_and_other_themes_producers_cannot_approve_a_held_gap(
    client, held_gap, editor, theme_index
):
    elsewhere = ThemePageFactory(parent=theme_index, slug="health")
    other_producer = appoint(elsewhere, Role.PRODUCER, editor, OrganisationFactory())

    for person in (UserFactory(), other_producer, held_gap.author):
        client.force_login(person)
        assert client.post(gap_url(held_gap, "approve")).status_code in (403, 404)

    assert not DataGap.objects.get(pk=held_gap.pk).is_public


def test_an_approved_gap_is_not_logged_twice(held_gap, editor):
    services.approve_gap(held_gap, editor)
    services.approve_gap(held_gap, editor)

    assert ModelLogEntry.objects.filter(action="gaps.approve").count() == 1
