"""What the Atom feed tests share: fetching a feed and holding it to the format."""

import feedparser


def parsed(client, url):
    """The feed at `url`, parsed, after checking it is well-formed Atom 1.0."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def published(page):
    """`page` published as an editor would, so it has a publication time."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def advertisement(title, href):
    """The <link> a page gives its feed in its head (`title` as escaped in HTML)."""
    return (
        f'<link rel="alternate" type="application/atom+xml" title="{title}" '
        f'href="{href}">'
    )
