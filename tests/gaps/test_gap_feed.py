"""One data gap's Atom feed: its status changes (issue 14, Feeds)."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from gaps import services
from gaps.models import DataGap
from tests.feeds import advertisement, parsed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def emails_queued_not_sent(settings):
    backend = "django_tasks.backends.dummy.DummyBackend"
    settings.TASKS = {"default": {"BACKEND": backend}}


@pytest.fixture
def gap(migration, gap_fields):
    return services.raise_gap(
        UserFactory(), migration, **{**gap_fields, "title": "Visas <by> age & sex"}
    )


def feed_url(gap):
    return reverse("gaps:gap_feed", kwargs={"theme_slug": gap.theme.slug, "pk": gap.pk})


def test_a_gaps_feed_holds_its_raise_and_every_status_change_newest_first(
    client, gap, migration, ons_producer, housing, gap_fields
):
    services.change_status(
        gap, ons_producer, status="under_assessment", note="In next year's <b>plan</b>."
    )
    services.raise_gap(UserFactory(), housing, **gap_fields)  # another gap's

    feed = parsed(client, feed_url(gap))

    page = f"http://testserver{gap.get_absolute_url()}"
    assert feed.feed.title == "statsforum: Visas <by> age & sex, data gap"
    assert feed.feed.link == page
    assert [entry.title for entry in feed.entries] == [
        "Visas <by> age & sex: Under assessment",
        "Visas <by> age & sex: Raised",
    ]
    assessed, raised = feed.entries
    update = gap.updates.latest("pk")
    assert assessed.id == assessed.link == f"{page}#update-{update.pk}"
    assert assessed.id != raised.id
    assert assessed.summary == "<p>In next year&#x27;s &lt;b&gt;plan&lt;/b&gt;.</p>"
    assert "Office for National Statistics" in assessed.author
    assert assessed.updated_parsed >= raised.updated_parsed
    assert feed.feed.updated_parsed == assessed.updated_parsed


def test_the_gaps_page_advertises_its_feed(client, gap):
    html = client.get(gap.get_absolute_url()).content.decode()

    title = "Visas &lt;by&gt; age &amp; sex: status changes"
    assert advertisement(title, feed_url(gap)) in html


def test_a_held_gap_has_no_feed_even_for_its_author(
    client, housing, gap_fields, newcomer
):
    held = services.raise_gap(newcomer, housing, **gap_fields)
    assert not held.is_public
    client.force_login(newcomer)

    assert client.get(feed_url(held)).status_code == 404
    page = client.get(held.get_absolute_url())
    assert page.status_code == 200
    assert 'type="application/atom+xml"' not in page.content.decode()


def test_another_themes_address_an_unknown_gap_and_an_unpublished_theme_are_missing(
    client, gap, migration, housing
):
    elsewhere = reverse("gaps:gap_feed", kwargs={"theme_slug": "housing", "pk": gap.pk})
    unknown = reverse("gaps:gap_feed", kwargs={"theme_slug": "migration", "pk": 999999})

    assert client.get(elsewhere).status_code == 404
    assert client.get(unknown).status_code == 404
    migration.unpublish()
    assert DataGap.objects.filter(pk=gap.pk).exists()
    assert client.get(feed_url(gap)).status_code == 404
