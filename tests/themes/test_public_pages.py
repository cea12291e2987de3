"""Pages under an unpublished or private theme are in no list, feed, calendar or
search result: their theme's sections answer 404, so nothing may link to them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from consultations.factories import ConsultationPageFactory
from events.factories import EventPageFactory
from search.indexing import rebuild
from tests.feeds import parsed
from themes.roles import public_pages

pytestmark = pytest.mark.django_db

SOON = timezone.now() + timedelta(days=7)


@pytest.fixture
def pages(migration, housing):
    return {
        "shown meeting": EventPageFactory(
            parent=housing, title="Shown meeting", start=SOON
        ),
        "hidden meeting": EventPageFactory(
            parent=migration, title="Hidden meeting", start=SOON
        ),
        "shown consultation": ConsultationPageFactory(
            parent=housing, title="Shown consultation"
        ),
        "hidden consultation": ConsultationPageFactory(
            parent=migration, title="Hidden consultation"
        ),
    }


def hide(theme, how):
    if how == "unpublished":
        theme.unpublish()
    else:
        PageViewRestriction.objects.create(
            page=theme, restriction_type=PageViewRestriction.LOGIN
        )


@pytest.fixture(params=["unpublished", "private"])
def hidden(request, pages, migration):
    hide(migration, request.param)
    return pages


def test_the_rule_keeps_pages_outside_themes_and_in_public_ones(hidden, home_page):
    kept = public_pages(home_page.get_descendants(inclusive=True))
    titles = set(kept.values_list("title", flat=True))
    assert {"Shown meeting", "Shown consultation", home_page.title} <= titles
    assert not titles & {"Hidden meeting", "Hidden consultation", "Migration"}


@pytest.mark.parametrize("address", ["/meetings/", "/consultations/", "/meetings.ics"])
def test_the_site_wide_lists_leave_them_out(client, hidden, address):
    content = client.get(address).content.decode()
    assert "Shown" in content
    assert "Hidden" not in content


@pytest.mark.parametrize("address", ["/meetings.atom", "/consultations.atom"])
def test_the_site_wide_feeds_leave_them_out(client, hidden, address):
    titles = [entry.title for entry in parsed(client, address).entries]
    assert any(title.startswith("Shown") for title in titles)
    assert not any("Hidden" in title for title in titles)


def test_search_leaves_them_out(client, hidden):
    rebuild()
    content = client.get("/search/", {"q": "meeting"}).content.decode()
    assert "Shown meeting" in content
    assert "Hidden meeting" not in content
