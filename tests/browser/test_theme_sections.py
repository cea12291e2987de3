"""A visitor walks from a theme to its meetings and consultations, at a phone's
width and a desktop's, and back up by the breadcrumbs."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultations.factories import ConsultationPageFactory
from events.factories import EventPageFactory
from events.models import EventPage
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_a_visitor_walks_a_themes_meetings(page, housing, health):
    EventPageFactory(parent=housing, title="Rents forum", slug="rents")
    EventPageFactory(
        parent=housing,
        title="Last winter's forum",
        start=timezone.now() - timedelta(days=90),
        format=EventPage.Format.ONLINE,
    )
    EventPageFactory(parent=health, title="Waiting times")

    page.goto(housing.url)
    page.get_by_role("link", name="All meetings in Housing").click()
    expect(page).to_have_url(
        f"{page.url.split('/themes/')[0]}/themes/housing/meetings/"
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meetings")
    expect(page.get_by_role("link", name="Rents forum")).to_be_visible()
    expect(page.get_by_text("Waiting times")).to_have_count(0)
    expect(page.get_by_label("Theme")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="See past meetings").click()
    expect(page.get_by_role("link", name="Last winter's forum")).to_be_visible()
    expect(page.get_by_role("link", name="Rents forum")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="See upcoming meetings").click()
    page.get_by_label("Format").select_option("online")
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name="Rents forum").click()
    expect(page).to_have_url(
        f"{page.url.split('/themes/')[0]}/themes/housing/meetings/rents/"
    )
    assert_accessible(page)

    page.get_by_label("Breadcrumb").get_by_role("link", name="Meetings").click()
    expect(page.get_by_role("link", name="Rents forum")).to_be_visible()


def test_a_visitor_walks_a_themes_consultations(page, housing, health):
    ConsultationPageFactory(parent=housing, title="Rents by ward")
    ConsultationPageFactory(parent=health, title="Waiting lists")

    page.goto(housing.url)
    page.get_by_role("link", name="All consultations in Housing").click()
    expect(page.get_by_role("link", name="Rents by ward")).to_be_visible()
    expect(page.get_by_text("Waiting lists")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Rents by ward").click()
    page.get_by_label("Breadcrumb").get_by_role("link", name="Consultations").click()
    expect(page.get_by_role("link", name="Rents by ward")).to_be_visible()
