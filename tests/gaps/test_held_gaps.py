"""A new member's data gap waits for a producer or chair, as their first threads
and replies do (accounts.trust), and every action on a gap obeys who may see it."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageViewRestriction

from accounts.factories import OrganisationFactory, UserFactory
from forums import moderation
from forums import services as forum_services
from forums.factories import ThreadFactory
from gaps import services, stats
from gaps.choosers import data_gap_chooser_viewset
from gaps.factories import DataGapFactory
from gaps.models import DataGap, GapFollow, GapSupport
from gaps.waiting import flag_waiting_gaps, waiting_gaps
from tests.conftest import SignedInClient
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_gap(housing, newcomer, gap_fields):
    return services.raise_gap(newcomer, housing, **gap_fields)


def gap_url(gap, name="gap"):
    return reverse(f"gaps:{name}", kwargs={"theme_slug": gap.theme.slug, "pk": gap.pk})


def register_url(theme):
    return reverse("gaps:register", kwargs={"theme_slug": theme.slug})


def test_a_new_members_first_gap_waits_like_their_first_thread(
    client, housing, newcomer, gap_fields
):
    client.force_login(newcomer)

    response = client.post(
        reverse("gaps:new_gap", kwargs={"theme_slug": housing.slug}), gap_fields
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


def test_a_trusted_members_gap_is_on_the_register_at_once(client, housing, gap_fields):
    gap = services.raise_gap(UserFactory(), housing, **gap_fields)

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
    client, held_gap, editor, newcomer, gap_fields
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
    assert services.raise_gap(newcomer, held_gap.theme, **gap_fields).is_public


def test_members_and_other_themes_producers_cannot_approve_a_held_gap(
    client, held_gap, editor, health
):
    other_producer = appoint(health, Role.PRODUCER, editor, OrganisationFactory())

    for person in (UserFactory(), other_producer, held_gap.author):
        client.force_login(person)
        assert client.post(gap_url(held_gap, "approve")).status_code in (403, 404)

    assert not DataGap.objects.get(pk=held_gap.pk).is_public


def test_an_approved_gap_is_not_logged_twice(held_gap, editor):
    services.approve_gap(held_gap, editor)
    services.approve_gap(held_gap, editor)

    assert ModelLogEntry.objects.filter(action="gaps.approve").count() == 1


# Every public count, list and feed of gaps follows DataGap.objects.visible().


def test_a_held_gap_is_in_no_public_count_list_or_feed(client, held_gap, editor):
    appoint(held_gap.theme, Role.PRODUCER, editor, OrganisationFactory())
    long_ago = timezone.now() - timedelta(days=60)
    DataGap.objects.filter(pk=held_gap.pk).update(
        created_at=long_ago, status="met", first_response_at=long_ago
    )
    theme = held_gap.theme

    assert stats.response_stats(theme) == stats.ResponseStats(0, 0, None, 0)
    assert list(stats.recently_met(theme)) == []
    feed = client.get(reverse("gaps:register_feed", kwargs={"theme_slug": "housing"}))
    assert "Overcrowding" not in feed.content.decode()
    csv = client.get(register_url(theme), {"format": "csv"})
    assert "Overcrowding" not in b"".join(csv.streaming_content).decode()
    profile = client.get(reverse("public_profile", args=[held_gap.author_id]))
    assert "Overcrowding" not in profile.content.decode()
    assert not data_gap_chooser_viewset.get_object_list().filter(pk=held_gap.pk)


def test_a_held_gap_is_not_flagged_as_waiting_for_a_response(held_gap, editor):
    appoint(held_gap.theme, Role.PRODUCER, editor, OrganisationFactory())
    DataGap.objects.filter(pk=held_gap.pk).update(
        created_at=timezone.now() - timedelta(days=60)
    )

    assert list(waiting_gaps(held_gap.theme)) == []
    assert flag_waiting_gaps() == (0, 0)
    services.approve_gap(held_gap, editor)
    # Its wait starts at its approval, when it reached the register: this once
    # expected it flagged at once, the day it was approved.
    assert flag_waiting_gaps() == (0, 0)


@pytest.mark.parametrize("restricted", ["theme", "index"])
def test_a_gap_in_a_restricted_theme_is_visible_to_nobody_in_public(
    housing, health, restricted
):
    DataGapFactory(theme=housing, title="In the restricted theme")
    shown = DataGapFactory(theme=health)
    page = housing if restricted == "theme" else housing.get_parent()
    PageViewRestriction.objects.create(page=page, restriction_type="login")

    expected = [] if restricted == "index" else [shown]
    assert list(DataGap.objects.visible()) == expected


# Rejecting: a held gap's producers and chairs, and editors, delete it.


def test_a_chair_rejects_a_held_gap_after_confirming(client, held_gap, editor):
    chair = appoint(held_gap.theme, Role.CHAIR, editor)
    client.force_login(chair)
    assert "Reject" in client.get(gap_url(held_gap)).content.decode()

    confirm = client.get(gap_url(held_gap, "reject"))
    assert confirm.status_code == 200
    assert "Reject this data gap?" in confirm.content.decode()
    assert DataGap.objects.filter(pk=held_gap.pk).exists()
    response = client.post(gap_url(held_gap, "reject"), follow=True)

    assert response.redirect_chain[-1][0] == register_url(held_gap.theme)
    assert "You rejected the data gap “Overcrowding by ward”" in (
        response.content.decode()
    )
    assert not DataGap.objects.filter(pk=held_gap.pk).exists()
    entry = ModelLogEntry.objects.get(action="gaps.reject")
    assert entry.user == chair
    assert entry.label == "Overcrowding by ward"
    assert entry.data["author"] == held_gap.author_id


def test_the_author_of_a_rejected_gap_is_told_it_will_not_be_published(
    held_gap, editor, mailoutbox, django_capture_on_commit_callbacks
):
    chair = appoint(held_gap.theme, Role.CHAIR, editor)

    with django_capture_on_commit_callbacks(execute=True):
        services.reject_gap(held_gap, chair)

    (email,) = mailoutbox
    assert email.to == [held_gap.author.email]
    assert email.subject == "Not added to the register: Overcrowding by ward"
    assert "will not be added to the register" in email.body
    assert register_url(held_gap.theme) in email.body
    # Who rejected it is the site history's, not the author's.
    assert chair.public_name not in email.body


def test_a_rejection_that_fails_tells_nobody(client, held_gap, editor, mailoutbox):
    chair = appoint(held_gap.theme, Role.CHAIR, editor)
    services.approve_gap(held_gap, chair)

    with pytest.raises(ValidationError):
        services.reject_gap(held_gap, chair)

    assert not mailoutbox


def test_an_editor_reads_a_rejection_in_the_site_history(client, held_gap, editor):
    services.reject_gap(held_gap, editor)
    client.force_login(editor)

    history = client.get(reverse("wagtailadmin_reports:site_history")).content
    assert "Reject data gap" in history.decode()
    assert "Overcrowding by ward" in history.decode()


def test_members_authors_and_other_themes_producers_cannot_reject_a_held_gap(
    client, held_gap, editor, health
):
    other_producer = appoint(health, Role.PRODUCER, editor, OrganisationFactory())

    for person in (UserFactory(), other_producer, held_gap.author):
        client.force_login(person)
        assert client.get(gap_url(held_gap, "reject")).status_code in (403, 404)
        assert client.post(gap_url(held_gap, "reject")).status_code in (403, 404)
    client.logout()
    assert client.post(gap_url(held_gap, "reject")).status_code == 302

    assert DataGap.objects.filter(pk=held_gap.pk).exists()
    assert not ModelLogEntry.objects.filter(action="gaps.reject").exists()
    with pytest.raises(PermissionDenied):
        services.reject_gap(held_gap, other_producer)


def test_a_gap_on_the_register_cannot_be_rejected(client, held_gap, editor):
    producer = appoint(held_gap.theme, Role.PRODUCER, editor, OrganisationFactory())
    services.approve_gap(held_gap, producer)
    client.force_login(producer)

    response = client.post(gap_url(held_gap, "reject"), follow=True)

    assert response.redirect_chain[-1][0] == gap_url(held_gap)
    assert "on the register already, so it cannot be rejected" in (
        response.content.decode()
    )
    assert "Reject" not in client.get(gap_url(held_gap)).content.decode()
    with pytest.raises(ValidationError):
        services.reject_gap(held_gap, producer)
    assert DataGap.objects.filter(pk=held_gap.pk).exists()


def test_rejecting_needs_a_post_with_its_csrf_token(held_gap, editor):
    producer = appoint(held_gap.theme, Role.PRODUCER, editor, OrganisationFactory())
    strict = SignedInClient(enforce_csrf_checks=True)
    strict.force_login(producer)

    assert strict.post(gap_url(held_gap, "reject")).status_code == 403
    assert DataGap.objects.filter(pk=held_gap.pk).exists()
