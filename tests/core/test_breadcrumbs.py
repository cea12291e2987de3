"""Breadcrumbs: one tag, one template, the same trail wherever they are drawn."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from events.factories import EventPageFactory, MinutesPageFactory

pytestmark = pytest.mark.django_db


def trail(response):
    """(label, address) of each crumb; the address is None for the current one."""
    nav = re.search(r'<nav class="govuk-breadcrumbs".*?</nav>', response.text, re.S)
    if nav is None:
        return []
    items = re.findall(r"<li [^>]*>(.*?)</li>", nav.group(), re.S)
    return [
        (re.sub(r"<[^>]+>", "", item).strip(), link.group(1) if link else None)
        for item in items
        for link in [re.search(r'href="([^"]*)"', item)]
    ]


def test_the_home_page_has_no_breadcrumbs(client, home_page):
    assert trail(client.get("/")) == []


def test_a_page_shows_the_pages_above_it(client, housing):
    assert trail(client.get(housing.url)) == [
        ("Home", "/"),
        ("Themes", "/themes/"),
    ]


def test_a_view_below_a_page_shows_that_page_last(client, housing):
    assert trail(client.get("/themes/housing/discussions/")) == [
        ("Home", "/"),
        ("Themes", "/themes/"),
        ("Housing", "/themes/housing/"),
    ]


def test_minutes_lead_back_to_their_meeting_at_its_own_address(client, housing):
    meeting = EventPageFactory(parent=housing, title="Spring meeting", slug="spring")
    minutes = MinutesPageFactory(parent=meeting, title="Minutes", slug="minutes")

    assert trail(client.get(minutes.url)) == [
        ("Home", "/"),
        ("Housing", "/themes/housing/"),
        ("Spring meeting", "/themes/housing/meetings/spring/"),
    ]


def test_no_template_writes_breadcrumbs_by_hand():
    templates = Path(settings.PROJECT_DIR) / "templates"
    by_hand = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if re.search(r'class="govuk-breadcrumbs["\s]', path.read_text())
    ]

    assert by_hand == ["includes/breadcrumbs.html"]
