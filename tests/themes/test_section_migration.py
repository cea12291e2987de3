"""Existing sites: the data migrations give each theme its sections and move its
meetings (with their minutes) and consultations under them, and back again."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationIndexPage
from core import page_tree
from events.factories import EventPageFactory, MinutesPageFactory
from events.models import MeetingIndexPage
from themes.factories import ThemePageFactory

# Each feature's last migration before its pages moved into the sections.
BEFORE = [
    ("events", "0007_meetingindexpage"),
    ("consultations", "0006_consultationindexpage"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def tree_problems():
    # treebeard's own check: bad paths, depths and child counts.
    return [problem for problem in Page.find_problems() if problem]


@pytest.mark.data_migration
@pytest.mark.django_db(transaction=True)
def test_the_pages_move_into_their_themes_sections_and_back(client, theme_index):
    housing = ThemePageFactory(parent=theme_index, title="Housing", slug="housing")
    meeting = EventPageFactory(parent=housing, slug="spring")
    minutes = MinutesPageFactory(parent=meeting)
    consultation = ConsultationPageFactory(parent=housing, slug="rents")
    health = ThemePageFactory(parent=theme_index, title="Health", slug="health")
    try:
        old = migrate(BEFORE)
        old_page = old.get_model("wagtailcore", "Page")
        old_housing = old_page.objects.get(pk=housing.pk)
        before = {
            page.pk: (page.path[: -page_tree.STEPLEN], page.url_path)
            for page in old_page.objects.filter(pk__in=[meeting.pk, consultation.pk])
        }
        old_minutes = old_page.objects.get(pk=minutes.pk)
        no_sections = not old.get_model("events", "MeetingIndexPage").objects.exists()
        problems_before = tree_problems()
        # A page of another kind at the address the health theme's meetings take.
        old_health = old_page.objects.get(pk=health.pk)
        page_type = old.get_model("contenttypes", "ContentType").objects.get(
            app_label="wagtailcore", model="page"
        )
        squatter = page_tree.add_child(
            old_page,
            old_page,
            old_health,
            title="Meetings",
            slug="meetings",
            content_type=page_type,
        )
    finally:
        migrate(latest())

    # Before: the theme's children, at their old tree paths.
    assert no_sections and problems_before == []
    assert before == {
        meeting.pk: (old_housing.path, "/home/themes/housing/spring/"),
        consultation.pk: (old_housing.path, "/home/themes/housing/rents/"),
    }
    assert old_minutes.url_path == "/home/themes/housing/spring/minutes/"
    # After: under the sections, at the addresses they always had.
    assert tree_problems() == []
    meetings = MeetingIndexPage.objects.child_of(housing).get()
    consultations = ConsultationIndexPage.objects.child_of(housing).get()
    assert (meetings.slug, meetings.title, meetings.live) == (
        "meetings",
        "Meetings",
        True,
    )
    assert consultations.slug == "consultations"
    moved = {page.pk: page for page in Page.objects.all()}
    assert moved[meeting.pk].get_parent().pk == meetings.pk
    assert moved[minutes.pk].get_parent().pk == meeting.pk
    assert moved[consultation.pk].get_parent().pk == consultations.pk
    assert moved[minutes.pk].url_path == "/home/themes/housing/meetings/spring/minutes/"
    for url in [
        "/themes/housing/meetings/",
        "/themes/housing/meetings/spring/",
        "/themes/housing/meetings/spring/minutes/",
        "/themes/housing/consultations/",
        "/themes/housing/consultations/rents/",
    ]:
        assert client.get(url).status_code == 200, url
    # The squatter keeps its page under a slug of its own.
    squatter = Page.objects.get(pk=squatter.pk)
    assert squatter.slug == f"meetings-{squatter.pk}"
    assert squatter.url_path == f"/home/themes/health/meetings-{squatter.pk}/"
    assert MeetingIndexPage.objects.child_of(health).get().slug == "meetings"
