"""A theme's papers: each theme has its own Wagtail document collection, named after
it. Its chairs upload meeting papers there, change them and choose them; its
producers upload and choose (their consultations' documents); nobody in a theme sees
or changes another theme's papers, and a member never reaches the admin's upload."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model, get_permission_policy
from wagtail.models import Collection, GroupCollectionPermission
from wagtail_factories import DocumentFactory

from accounts.factories import UserFactory
from themes.factories import ThemePageFactory, appoint
from themes.models import Role, ThemeCollection
from themes.services import grant_role, role_group

pytestmark = pytest.mark.django_db

Document = get_document_model()

# Wagtail's collection permissions each role's group holds on its theme's papers.
CHAIRS_RIGHTS = {"add_document", "change_document", "choose_document"}
PRODUCERS_RIGHTS = {"add_document", "choose_document"}


@pytest.fixture(autouse=True)
def uploads_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def chair(housing, editor):
    return appoint(housing, Role.CHAIR, editor)


@pytest.fixture
def health_chair(health, editor):
    return appoint(health, Role.CHAIR, editor)


def papers(theme):
    return ThemeCollection.objects.get(theme=theme).collection


def rights(theme, role):
    return set(
        GroupCollectionPermission.objects.filter(
            group=role_group(theme, role)
        ).values_list("collection__name", "permission__codename")
    )


def a_pdf(name="agenda.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 agenda", content_type="application/pdf")


# The collection and its rights


def test_a_new_theme_has_a_papers_collection_named_after_it(housing):
    collection = papers(housing)

    assert collection.name == "Housing"
    assert collection.get_parent() == Collection.get_first_root_node()
    assert rights(housing, Role.CHAIR) == {("Housing", c) for c in CHAIRS_RIGHTS}
    assert rights(housing, Role.PRODUCER) == {("Housing", c) for c in PRODUCERS_RIGHTS}


def test_renaming_a_theme_renames_its_collection(housing):
    housing.title = "Housing and planning"
    housing.save()

    assert papers(housing).name == "Housing and planning"
    assert rights(housing, Role.CHAIR) == {
        ("Housing and planning", c) for c in CHAIRS_RIGHTS
    }


def test_two_themes_with_one_title_have_collections_told_apart(housing, theme_index):
    other = ThemePageFactory(parent=theme_index, title="Housing", slug="housing-2")

    assert papers(housing).name == "Housing"
    assert papers(other).name == f"Housing ({other.pk})"


def test_deleting_a_theme_leaves_its_papers_for_an_editor_to_file(housing):
    collection = papers(housing)
    paper = DocumentFactory(collection=collection)

    housing.delete()

    assert Document.objects.filter(pk=paper.pk, collection=collection).exists()
    assert not GroupCollectionPermission.objects.filter(collection=collection).exists()


# Uploading in the admin


def test_a_chair_uploads_a_paper_into_their_themes_collection(
    client, chair, housing, health
):
    client.force_login(chair)

    form = client.get(reverse("wagtaildocs:add"))
    response = client.post(
        reverse("wagtaildocs:add"), {"title": "Spring agenda", "file": a_pdf()}
    )

    # Theirs is the one collection they may add to: the form does not ask.
    assert form.status_code == 200
    assert "collection" not in form.context["form"].fields
    assert response.status_code == 302
    paper = Document.objects.get(title="Spring agenda")
    assert paper.collection == papers(housing)
    assert paper.uploaded_by_user == chair


def test_a_chair_uploads_from_the_document_chooser_while_editing_a_meeting(
    client, chair, housing
):
    client.force_login(chair)

    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Minutes",
            "document-chooser-upload-file": a_pdf(),
        },
    )

    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
    assert Document.objects.get(title="Minutes").collection == papers(housing)


def test_a_producer_uploads_a_consultation_document_into_their_theme(
    client, housing, editor
):
    producer = appoint(housing, Role.PRODUCER, editor)
    client.force_login(producer)

    client.post(reverse("wagtaildocs:add"), {"title": "Proposals", "file": a_pdf()})

    assert Document.objects.get(title="Proposals").collection == papers(housing)


def test_a_chair_cannot_upload_into_another_themes_collection(
    client, chair, housing, health
):
    client.force_login(chair)

    client.post(
        reverse("wagtaildocs:add"),
        {"title": "Smuggled", "file": a_pdf(), "collection": papers(health).pk},
    )

    # The field is not theirs to set: the paper lands in their own theme's papers.
    assert Document.objects.get(title="Smuggled").collection == papers(housing)


def test_a_member_cannot_reach_the_admins_upload(client, housing):
    client.force_login(UserFactory(two_factor=True))

    response = client.post(
        reverse("wagtaildocs:add"), {"title": "Spam", "file": a_pdf()}
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Document.objects.exists()


# Choosing and changing


def test_the_chooser_lists_only_the_papers_of_the_chairs_themes(
    client, chair, housing, health
):
    ours = DocumentFactory(title="Housing agenda", collection=papers(housing))
    DocumentFactory(title="Health agenda", collection=papers(health))
    client.force_login(chair)

    response = client.get(reverse("wagtaildocs_chooser:choose"))

    assert list(response.context["results"]) == [ours]
    # One collection: no collection filter to offer.
    assert response.context["collections"] is None


def test_the_chooser_asks_as_many_queries_for_ten_papers_as_for_one(
    client, chair, housing
):
    DocumentFactory(collection=papers(housing))
    client.force_login(chair)
    client.get(reverse("wagtaildocs_chooser:choose"))  # sessions and caches warm
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("wagtaildocs_chooser:choose"))
    DocumentFactory.create_batch(9, collection=papers(housing))

    with CaptureQueriesContext(connection) as ten:
        response = client.get(reverse("wagtaildocs_chooser:choose"))

    assert len(response.context["results"]) == 10
    assert len(ten) == len(one)


def test_a_chair_of_two_themes_chooses_among_just_those_two_collections(
    client, chair, housing, health, editor
):
    grant_role(health, chair, Role.CHAIR, granted_by=editor, tell=False)
    client.force_login(chair)

    response = client.get(reverse("wagtaildocs_chooser:choose"))

    assert {c.name for c in response.context["collections"]} == {"Housing", "Health"}


def test_a_chair_of_another_theme_can_neither_choose_nor_change_a_paper(
    client, health_chair, housing
):
    paper = DocumentFactory(title="Housing agenda", collection=papers(housing))
    client.force_login(health_chair)

    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[paper.pk]))
    edit = client.get(reverse("wagtaildocs:edit", args=[paper.pk]))
    changed = client.post(
        reverse("wagtaildocs:edit", args=[paper.pk]), {"title": "Defaced"}
    )

    # Wagtail's admin answers a refusal by sending them to its dashboard.
    for refused in (chosen, edit, changed):
        assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    paper.refresh_from_db()
    assert paper.title == "Housing agenda"


def test_a_chair_changes_any_paper_in_their_theme(client, chair, housing, editor):
    paper = DocumentFactory(
        title="Agenda", collection=papers(housing), uploaded_by_user=editor
    )
    client.force_login(chair)

    response = client.post(
        reverse("wagtaildocs:edit", args=[paper.pk]),
        {"title": "Revised agenda", "file": a_pdf("revised.pdf")},
    )

    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.title == "Revised agenda"


# Existing sites


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.data_migration
@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_an_existing_theme_its_papers_and_its_chairs_rights(
    housing, editor
):
    chair = appoint(housing, Role.CHAIR, editor)
    leaf = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        migrate([("themes", "0003_organisation_moves_to_accounts")])
        # Before: the theme had no collection, its chair no rights in any.
        before = list(Collection.objects.values_list("name", flat=True))
        chairs_rights_before = rights_of(chair)
    finally:
        migrate(leaf)

    assert before == ["Root"] and chairs_rights_before == set()
    assert papers(housing).name == "Housing"
    assert papers(housing).get_parent() == Collection.get_first_root_node()
    assert rights(housing, Role.CHAIR) == {("Housing", c) for c in CHAIRS_RIGHTS}
    assert rights(housing, Role.PRODUCER) == {("Housing", c) for c in PRODUCERS_RIGHTS}
    assert rights_of(chair) == {"add", "change", "choose"}
    assert Collection.find_problems() == ([], [], [], [], [])


def rights_of(user):
    """What the person may do in some collection, read afresh (Wagtail caches a
    user's collection rights on the object)."""
    user = type(user).objects.get(pk=user.pk)
    policy = get_permission_policy()
    return {
        action
        for action in ["add", "change", "choose"]
        if policy.collections_user_has_permission_for(user, action).exists()
    }
