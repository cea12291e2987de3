"""Editors still edit the links inside the pages that own them."""

import pytest
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from consultations.factories import ConsultationPageFactory
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from gaps.factories import DataGapFactory
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(theme_index):
    return ThemePageFactory(parent=theme_index, title="Housing", slug="housing")


def minutes_form(minutes, actions):
    return nested_form_data(
        {
            "title": minutes.title,
            "slug": minutes.slug,
            "summary": rich_text("<p>What was said.</p>"),
            "attendees": inline_formset([]),
            "items": streamfield([]),
            "decisions": streamfield([]),
            "action_items": inline_formset(actions),
        }
    )


def test_an_editor_drafts_an_action_that_answers_a_thread_and_a_gap(
    client, editor, theme
):
    minutes = MinutesPageFactory(parent=EventPageFactory(parent=theme))
    thread = ThreadFactory(theme=theme, title="Local figures?")
    gap = DataGapFactory(theme=theme, title="Local damp figures")
    client.force_login(editor)
    action = {
        "description": "Publish a table by tenure",
        "owner": "ONS",
        "organisation": "",
        "due_date": "",
        "status": "open",
        "thread": thread.pk,
        "data_gap": gap.pk,
    }

    response = client.post(
        f"/admin/pages/{minutes.pk}/edit/", minutes_form(minutes, [action])
    )

    assert response.status_code == 302
    minutes.refresh_from_db()
    draft = minutes.get_latest_revision_as_object()
    [drafted] = draft.action_items.all()
    assert (drafted.description, drafted.thread, drafted.data_gap) == (
        "Publish a table by tenure",
        thread,
        gap,
    )
    # A draft: the published minutes have no action until it is approved.
    assert not minutes.action_items.exists()


def test_an_action_cannot_answer_a_gap_that_does_not_exist(client, editor, theme):
    minutes = MinutesPageFactory(parent=EventPageFactory(parent=theme))
    client.force_login(editor)
    action = {
        "description": "Publish a table by tenure",
        "owner": "ONS",
        "organisation": "",
        "due_date": "",
        "status": "open",
        "thread": "",
        "data_gap": 999999,
    }

    response = client.post(
        f"/admin/pages/{minutes.pk}/edit/", minutes_form(minutes, [action])
    )

    assert response.status_code == 200
    assert "The page could not be saved due to validation errors" in (
        response.content.decode()
    )
    minutes.refresh_from_db()
    revision = minutes.get_latest_revision()
    assert revision is None or not revision.content.get("action_items")


def test_the_consultation_editor_chooses_the_gaps_and_threads_it_concerns(
    client, editor, theme
):
    consultation = ConsultationPageFactory(parent=theme)
    client.force_login(editor)

    page = client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()

    assert "What it concerns" in page
    assert 'name="gap_links-TOTAL_FORMS"' in page
    assert 'name="thread_links-TOTAL_FORMS"' in page
    assert "/admin/data_gap_chooser/" in page
    assert "/admin/thread_chooser/" in page


def test_the_minutes_editor_lists_the_actions_after_the_minutes_own_fields(
    client, editor, theme
):
    minutes = MinutesPageFactory(parent=EventPageFactory(parent=theme))
    client.force_login(editor)

    page = client.get(f"/admin/pages/{minutes.pk}/edit/").content.decode()

    assert 'name="action_items-TOTAL_FORMS"' in page
    assert page.index("Decisions") < page.index("Action items")


# Statistics are chosen with the snippet chooser, searchable, not a long select.
STATISTIC_CHOOSER = 'data-chooser-url="/admin/snippets/choose/catalogue/statistic/"'


def test_a_minutes_action_names_its_statistic_with_the_snippet_chooser(
    client, editor, theme
):
    minutes = MinutesPageFactory(parent=EventPageFactory(parent=theme))
    minutes.action_items.create(description="Publish a table", owner="ONS")
    minutes.save_revision()
    client.force_login(editor)

    page = client.get(f"/admin/pages/{minutes.pk}/edit/").content.decode()

    assert 'name="action_items-0-statistic"' in page
    assert STATISTIC_CHOOSER in page
    assert '<select name="action_items-0-statistic"' not in page


def test_meetings_and_consultations_choose_their_statistics_with_the_chooser(
    client, editor, theme
):
    meeting = EventPageFactory(parent=theme)
    consultation = ConsultationPageFactory(parent=theme)
    client.force_login(editor)

    for page in (meeting, consultation):
        html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        assert 'name="statistic_links-TOTAL_FORMS"' in html
        assert "/admin/snippets/choose/catalogue/statistic/" in html


def test_an_action_cannot_name_a_statistic_that_does_not_exist(client, editor, theme):
    minutes = MinutesPageFactory(parent=EventPageFactory(parent=theme))
    client.force_login(editor)
    action = {
        "description": "Publish a table by tenure",
        "owner": "ONS",
        "organisation": "",
        "due_date": "",
        "status": "open",
        "statistic": 987654,
    }

    response = client.post(
        f"/admin/pages/{minutes.pk}/edit/", minutes_form(minutes, [action])
    )

    assert response.status_code == 200
    assert not minutes.action_items.exists()
