"""A page offers a feed only where the feed answers: feeds are read signed out, so
they serve public themes only, and a theme behind a sign-in (which its members
still read) advertises none, in its <head> or its text."""

import re

import pytest
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

FEED_LINK = re.compile(
    r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"'
)
# A theme's data gaps are never under a sign-in: the register of such a theme is
# not there at all (themes.views.get_theme).
PAGES = ["/", "/meetings/", "/consultations/"]


def advertised(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    return FEED_LINK.findall(html), "Atom feed" in html


def test_a_public_themes_pages_advertise_feeds_that_answer(client, housing):
    for section in PAGES:
        feeds, _ = advertised(client, f"/themes/housing{section}")
        assert feeds, section
        for feed in feeds:
            assert client.get(feed.replace("&amp;", "&")).status_code == 200, feed


def test_a_theme_behind_a_sign_in_advertises_no_feed_to_its_members(client, housing):
    PageViewRestriction.objects.create(page=housing, restriction_type="login")
    client.force_login(UserFactory())

    for section in PAGES:
        feeds, text = advertised(client, f"/themes/housing{section}")
        assert (feeds, text) == ([], False), section
    # Why: the feeds are not there for it.
    assert client.get("/themes/housing/activity.atom").status_code == 404
    # The lists across themes still offer theirs.
    assert advertised(client, "/meetings/")[0]
