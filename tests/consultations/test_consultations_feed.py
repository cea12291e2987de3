"""Atom feeds of consultations, a theme's and every theme's (issue 14, Feeds)."""

from datetime import date, timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationPage
from demo.welsh import translate_snippet
from tests.feeds import advertisement, parsed, published

pytestmark = pytest.mark.django_db

THEME_FEED = "/themes/labour/consultations.atom"
ALL_FEED = "/consultations.atom"


def test_the_addresses_are_the_consultations_apps(labour):
    assert reverse("consultations:consultations_feed") == ALL_FEED
    url = reverse(
        "consultations:theme_consultations_feed", kwargs={"theme_slug": "labour"}
    )
    assert url == THEME_FEED


def test_a_themes_feed_lists_its_consultations_with_state_ids_and_dates(
    client, labour, housing, consultation, ons
):
    published(consultation)
    published(ConsultationPageFactory(parent=housing, title="Housing's"))

    feed = parsed(client, THEME_FEED)

    assert feed.feed.title == "statsforum: Labour market consultations"
    assert feed.feed.link == "http://testserver/themes/labour/consultations/"
    (entry,) = feed.entries
    assert entry.title == "Monthly or quarterly? (Open)"
    assert entry.id == entry.link == f"http://testserver{consultation.url}"
    assert entry.tags[0].term == "Labour market"
    assert "Closes " in entry.summary
    assert f"Asked by {ons.name}." in entry.summary
    # The contact's address is for responding, not for the feed.
    assert "consultations@statistics.example.org" not in entry.summary
    assert entry.published_parsed is not None
    assert entry.updated_parsed >= entry.published_parsed


def test_closing_moves_a_consultation_up_and_says_so(client, labour):
    now = timezone.now()
    closed = published(
        ConsultationPageFactory(
            parent=labour,
            title="Closed",
            opens_at=now - timedelta(days=40),
            closes_at=now - timedelta(minutes=5),
        )
    )
    reported = published(
        ConsultationPageFactory(
            parent=labour,
            title="Reported",
            opens_at=now - timedelta(days=60),
            closes_at=now - timedelta(days=30),
            outcome_date=date.today(),
            outcome_summary="<p>You told us monthly matters.</p>",
        )
    )
    # Published long ago, the first more recently than the other; the first closed
    # only now, which is newer still.
    for page, days_ago in [(closed, 40), (reported, 10)]:
        ConsultationPage.objects.filter(pk=page.pk).update(
            first_published_at=now - timedelta(days=days_ago),
            last_published_at=now - timedelta(days=days_ago),
        )

    entries = parsed(client, ALL_FEED).entries

    assert [entry.title for entry in entries] == [
        "Closed (Analysing feedback)",
        "Reported (Outcome published)",
    ]
    assert "Closed " in entries[0].summary and "outcome due by" in entries[0].summary
    assert entries[0].updated_parsed > entries[0].published_parsed


def test_every_themes_feed_leaves_out_drafts_and_private_consultations(
    client, labour, housing
):
    published(ConsultationPageFactory(parent=labour, title="Shown"))
    published(ConsultationPageFactory(parent=housing, title="Also shown"))
    published(ConsultationPageFactory(parent=labour, title="Draft")).unpublish()
    private = published(ConsultationPageFactory(parent=labour, title="Private"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    feed = parsed(client, ALL_FEED)

    assert sorted(entry.title for entry in feed.entries) == [
        "Also shown (Open)",
        "Shown (Open)",
    ]
    assert len({entry.id for entry in feed.entries}) == 2


def test_a_consultations_text_is_escaped(client, labour):
    ConsultationPageFactory(
        parent=labour, title="Q&A <now>", summary="Tables & <b>charts</b>"
    )

    response = client.get(THEME_FEED)
    (entry,) = feedparser.parse(response.content).entries

    assert b"<b>" not in response.content
    assert entry.title == "Q&A <now> (Open)"
    assert "Tables &amp; &lt;b&gt;charts&lt;/b&gt;" in entry.summary


def test_the_consultation_lists_advertise_their_feeds(client, labour):
    html = client.get("/themes/labour/consultations/").content.decode()
    assert advertisement("Consultations in Labour market", THEME_FEED) in html
    html = client.get("/consultations/").content.decode()
    assert advertisement("Consultations", ALL_FEED) in html


def test_an_unknown_or_unpublished_themes_feed_is_missing(client, labour):
    assert client.get("/themes/no-such-theme/consultations.atom").status_code == 404
    labour.unpublish()
    assert client.get(THEME_FEED).status_code == 404


def test_the_feed_costs_the_same_queries_for_many_consultations(
    client, labour, housing
):
    def queries():
        with CaptureQueriesContext(connection) as run:
            parsed(client, ALL_FEED)
        return len(run)

    ConsultationPageFactory(parent=labour)
    queries()  # Wagtail caches where the sites' roots are
    few = queries()
    for theme in [labour, housing] * 3:
        ConsultationPageFactory(parent=theme)

    assert queries() == few


def test_the_welsh_feed_says_who_asked_in_welsh_at_the_same_cost(
    client, labour, housing, consultation, ons, welsh
):
    translate_snippet(ons, welsh, {"name": "Swyddfa Ystadegau Gwladol"})
    published(consultation)

    def queries():
        with CaptureQueriesContext(connection) as run:
            feed = parsed(client, "/cy" + ALL_FEED)
        return feed, len(run)

    queries()  # Wagtail caches where the sites' roots are
    feed, few = queries()
    for theme in [labour, housing] * 3:
        published(ConsultationPageFactory(parent=theme, contact_organisation=ons))

    assert "Gofynnwyd gan Swyddfa Ystadegau Gwladol." in feed.entries[0].summary
    assert queries()[1] == few
