"""The search never shows what the searcher may not see: held, hidden, deleted or
erased posts, private pages and themes, drafts, unpublished responses."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from accounts.services import delete_account
from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.models import ConsultationResponse
from consultations.services import publication
from forums import moderation
from forums import services as forums
from gaps import services as gaps
from home.factories import StandardPageFactory
from search.models import SearchDocument
from tests.search.conftest import titles
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


def found(client, words, user=None):
    if user is not None:
        client.force_login(user)
    return titles(client.get("/search/", {"query": words}))


@pytest.fixture
def chair(migration, editor):
    return appoint(migration, Role.CHAIR, editor, first_name="Chidi")


@pytest.fixture
def held_thread(migration, newcomer):
    return forums.start_thread(
        newcomer,
        migration,
        title="Asylum backlog",
        body="Where are the figures?",
        kind="question",
        tell=False,
    )


def test_a_held_thread_is_found_by_its_author_and_the_chair_only(
    client, held_thread, newcomer, chair
):
    assert found(client, "asylum") == []
    assert found(client, "asylum", UserFactory()) == []
    assert found(client, "asylum", newcomer) == ["Asylum backlog"]
    assert found(client, "asylum", chair) == ["Asylum backlog"]


def test_an_approved_thread_is_found_by_everyone(client, held_thread, chair):
    moderation.approve_thread(held_thread, moderator=chair)

    assert found(client, "asylum") == ["Asylum backlog"]


def test_a_hidden_reply_is_not_found(client, visa_thread, chair):
    reply = forums.post_reply(visa_thread, UserFactory(), "Rude words about karaoke")
    assert found(client, "karaoke") == ["Reply to Visa statistics by nationality"]

    moderation.hide_reply(reply, moderator=chair)

    assert found(client, "karaoke") == []
    assert found(client, "karaoke", UserFactory()) == []


def test_a_reply_hidden_by_three_reports_is_not_found(client, visa_thread):
    reply = forums.post_reply(visa_thread, UserFactory(), "Buy cheap karaoke")
    for _ in range(moderation.HIDE_AFTER_REPORTS):
        moderation.report(UserFactory(), reason="spam", reply=reply)

    assert found(client, "karaoke") == []


def test_a_deleted_reply_is_found_by_nobody(client, visa_thread, member):
    reply = forums.post_reply(visa_thread, member, "Wrong spreadsheet")
    forums.post_reply(visa_thread, UserFactory(), "Answer", parent_id=reply.pk)
    reply.refresh_from_db()

    forums.delete_reply(visa_thread, reply, member)

    assert found(client, "spreadsheet") == []
    assert found(client, "spreadsheet", member) == []


def test_a_deleted_thread_is_not_found(client, migration, member):
    thread = forums.start_thread(
        member, migration, title="Lighthouse", body="?", kind="discussion", tell=False
    )

    forums.delete_thread(thread, member)

    assert found(client, "lighthouse") == []
    assert not SearchDocument.objects.filter(source="thread").exists()


def test_a_moderator_deleting_a_reply_takes_it_out(client, visa_thread, chair):
    reply = forums.post_reply(visa_thread, UserFactory(), "Spam for karaoke")

    moderation.delete_reply(reply, moderator=chair)

    assert found(client, "karaoke") == []


def test_an_erased_members_posts_are_not_found(client, migration, visa_thread):
    leaver = UserFactory()
    forums.post_reply(visa_thread, leaver, "My karaoke table")
    forums.start_thread(
        leaver,
        migration,
        title="Karaoke census",
        body="?",
        kind="discussion",
        tell=False,
    )

    delete_account(leaver, keep_public_posts=False)

    assert found(client, "karaoke") == []


def test_a_reply_others_answered_stays_as_deleted_when_its_author_is_erased(
    client, visa_thread
):
    leaver = UserFactory()
    reply = forums.post_reply(visa_thread, leaver, "My karaoke table")
    forums.post_reply(visa_thread, UserFactory(), "Thanks", parent_id=reply.pk)

    delete_account(leaver, keep_public_posts=False)

    assert found(client, "karaoke") == []


def test_a_reply_in_a_hidden_thread_is_for_the_moderators(client, visa_thread, chair):
    replier = UserFactory()
    forums.post_reply(visa_thread, replier, "Karaoke numbers")
    for _ in range(moderation.HIDE_AFTER_REPORTS):
        moderation.report(UserFactory(), reason="spam", thread=visa_thread)

    assert found(client, "karaoke", replier) == []
    assert found(client, "karaoke", chair) == [
        "Reply to Visa statistics by nationality"
    ]


def test_a_held_data_gap_is_found_by_its_author_and_who_triages_only(
    client, migration, newcomer, producer, gap_fields
):
    gap = gaps.raise_gap(newcomer, migration, **gap_fields)
    assert not gap.is_public

    assert found(client, "overcrowding") == []
    assert found(client, "overcrowding", newcomer) == ["Overcrowding by ward"]
    assert found(client, "overcrowding", producer) == ["Overcrowding by ward"]

    gaps.approve_gap(gap, producer)
    client.logout()
    assert found(client, "overcrowding") == ["Overcrowding by ward"]


def test_a_private_page_is_not_found(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Lighthouse plans")
    assert found(client, "lighthouse") == ["Lighthouse plans"]

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )

    assert found(client, "lighthouse") == []
    assert found(client, "lighthouse", UserFactory()) == []


def test_a_private_themes_discussions_are_not_found(client, migration, visa_thread):
    restriction = PageViewRestriction.objects.create(
        page=migration, restriction_type=PageViewRestriction.LOGIN
    )

    assert found(client, "visa") == []
    assert found(client, "visa", UserFactory()) == []

    restriction.delete()
    client.logout()
    assert found(client, "visa") == ["Visa statistics by nationality"]


def test_a_draft_page_and_a_pages_draft_changes_are_not_found(client, home_page):
    StandardPageFactory(parent=home_page, title="Secret plans", live=False)
    page = StandardPageFactory(parent=home_page, title="Public plans")
    page.title = "Lighthouse draft"
    page.save_revision()

    assert found(client, "secret") == []
    assert found(client, "lighthouse") == []
    assert found(client, "public") == ["Public plans"]


def test_an_unpublished_page_leaves_the_results(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Lighthouse plans")

    page.unpublish()

    assert found(client, "lighthouse") == []


def test_an_unpublished_theme_takes_its_discussions_with_it(
    client, migration, visa_thread
):
    migration.unpublish()

    assert found(client, "visa") == []


@pytest.fixture
def closed_consultation(migration):
    return ConsultationPageFactory(
        parent=migration,
        title="Frequency",
        opens_at=timezone.now() - timedelta(days=60),
        closes_at=timezone.now() - timedelta(days=30),
    )


def answers(text):
    return {"impact": text, "how-often": "Every week"}


def test_only_published_responses_are_found(client, closed_consultation, editor):
    ResponseFactory(consultation=closed_consultation, answers=answers("lighthouse one"))
    ResponseFactory(
        consultation=closed_consultation,
        answers=answers("lighthouse two"),
        publication=ConsultationResponse.Publication.NOT_PUBLISHED,
    )
    ResponseFactory(
        consultation=closed_consultation,
        answers=answers("lighthouse three"),
        status=ConsultationResponse.Status.DRAFT,
    )
    withheld = ResponseFactory(
        consultation=closed_consultation, answers=answers("lighthouse four")
    )
    publication.withhold_from_publication(withheld, editor, "Names a colleague")

    response = client.get("/search/", {"query": "lighthouse"})

    assert [r.snippet for r in response.context["results"]] != []
    assert len(titles(response)) == 1
    assert "one" in str(response.context["results"][0].snippet)


def test_responses_to_an_open_consultation_are_not_found(client, migration):
    consultation = ConsultationPageFactory(parent=migration, title="Open one")
    ResponseFactory(consultation=consultation, answers=answers("lighthouse"))

    assert found(client, "lighthouse") == []


def test_the_index_is_rebuilt_by_one_command(client, visa_thread, home_page):
    StandardPageFactory(parent=home_page, title="Visa guide")
    SearchDocument.objects.all().delete()
    assert found(client, "visa") == []

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert sorted(found(client, "visa")) == [
        "Visa guide",
        "Visa statistics by nationality",
    ]


def test_an_edited_reply_is_found_by_its_new_words(client, visa_thread, member):
    reply = forums.post_reply(visa_thread, member, "Old words")

    forums.edit_reply(reply, member, "Karaoke words")

    assert found(client, "karaoke") == ["Reply to Visa statistics by nationality"]
    assert found(client, "old") == []


def test_a_moved_thread_is_found_in_its_new_theme(client, visa_thread, health, editor):
    moderation.move_thread(visa_thread, health, moderator=editor)

    response = client.get("/search/", {"query": "visa", "theme": "health"})

    assert titles(response) == ["Visa statistics by nationality"]
    assert response.context["results"][0].url.startswith("/themes/health/")


def test_a_new_role_puts_its_badge_on_the_members_posts(
    client, visa_thread, member, migration, editor, ons
):
    from themes.services import grant_role

    forums.post_reply(visa_thread, member, "Karaoke tables are ours.")

    grant_role(
        migration,
        member,
        Role.PRODUCER,
        granted_by=editor,
        organisation=ons,
        tell=False,
    )

    html = client.get("/search/", {"query": "karaoke"}).content.decode()
    assert "Producer, ONS" in html
