"""Welsh under /cy/ (core/languages.py, site/urls.py): the language of a page comes
from its address alone, never from the browser, so the page cache, which serves one
address's page to everyone, never gives a Welsh page to an English address or the
other way round; and every purge reaches both."""

import gzip
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.template import loader
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from accounts.factories import UserFactory
from core.languages import (
    address_in,
    addresses_in_every_language,
    link_in,
    without_language,
)
from forums import services
from forums.factories import ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def thread(migration):
    thread = ThreadFactory(theme=migration, title="Visa data")
    services.post_reply(thread, UserFactory(), "The first reply", tell=False)
    return thread


def text(response):
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def welsh(path):
    return address_in(path, "cy")


# The same page in the other language


def test_the_welsh_address_of_a_page_is_its_english_one_under_cy():
    assert welsh("/themes/migration/") == "/cy/themes/migration/"
    assert welsh("/") == "/cy/"
    assert address_in("/cy/themes/migration/", "en-gb") == "/themes/migration/"
    assert address_in("/cy/themes/", "cy") == "/cy/themes/"


def test_taking_the_language_off_an_address_leaves_the_english_one():
    assert without_language("/cy/search/") == "/search/"
    assert without_language("/cy") == "/"
    assert without_language("/cymru/") == "/cymru/"
    assert without_language("/search/") == "/search/"


def test_every_language_of_an_address_is_english_and_welsh():
    assert addresses_in_every_language("/cy/gaps/") == ["/gaps/", "/cy/gaps/"]


def test_links_made_on_a_welsh_page_stay_welsh(migration):
    with translation.override("cy"):
        assert reverse("forums:threads", args=["migration"]) == (
            "/cy/themes/migration/discussions/"
        )
        # A page's own address is in its own language (Wagtail's i18n): an English
        # page not yet translated links to its English address.
        assert migration.url == "/themes/migration/"
    assert migration.url == "/themes/migration/"


# Routing


def test_a_page_answers_under_cy_in_welsh(visitor, thread):
    response = visitor.get(welsh(thread.get_absolute_url()))

    assert response.status_code == 200
    assert response["Content-Language"] == "cy"


def test_wagtails_pages_answer_under_cy(visitor, migration):
    assert visitor.get("/cy/").status_code == 200
    assert visitor.get("/cy/themes/migration/").status_code == 200


def test_an_english_address_stays_english_whatever_the_browser_asks(visitor, thread):
    response = visitor.get(thread.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cy")

    assert response["Content-Language"] == "en-gb"


def test_a_language_cookie_does_not_make_an_english_address_welsh(visitor, home_page):
    visitor.cookies["django_language"] = "cy"

    assert visitor.get("/")["Content-Language"] == "en-gb"


def test_a_welsh_address_stays_welsh_whatever_the_browser_asks(visitor, home_page):
    response = visitor.get("/cy/", HTTP_ACCEPT_LANGUAGE="en-GB,en")

    assert response["Content-Language"] == "cy"


def test_a_missing_slash_is_added_under_cy_too(visitor, migration):
    response = visitor.get("/cy/themes/migration")

    assert response.status_code == 301
    assert response["Location"] == "/cy/themes/migration/"


def test_there_is_no_english_prefix(visitor, home_page):
    assert visitor.get("/en-gb/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/cy/admin/", "/cy/api/", "/cy/documents/1/", "/cy/robots.txt"]
)
def test_the_admin_api_documents_and_machine_files_have_no_welsh_address(
    visitor, home_page, path
):
    assert visitor.get(path).status_code == 404


def test_the_sitemap_and_robots_txt_keep_their_one_address(visitor, home_page):
    assert visitor.get("/robots.txt").status_code == 200
    assert visitor.get("/sitemap.xml").status_code == 200


def test_an_identity_providers_callback_has_one_address_in_every_language():
    # Registered with the provider as one exact address.
    kwargs = {"provider_id": "one-login"}
    with translation.override("cy"):
        welsh_callback = reverse("openid_connect_callback", kwargs=kwargs)
    assert welsh_callback == reverse("openid_connect_callback", kwargs=kwargs)
    assert welsh_callback == "/accounts/oidc/one-login/login/callback/"


def test_signing_in_has_a_welsh_address(visitor):
    assert visitor.get("/cy/accounts/login/").status_code == 200


# The page cache keeps the two apart, and purges both


@pytest.mark.page_cache
def test_a_cached_welsh_page_never_answers_the_english_address(visitor, thread):
    visitor.get(welsh(thread.get_absolute_url()))

    english = visitor.get(thread.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cy")

    assert english["Content-Language"] == "en-gb"
    assert 'lang="en-GB"' in text(english)


@pytest.mark.page_cache
def test_a_cached_english_page_never_answers_the_welsh_address(visitor, thread):
    visitor.get(thread.get_absolute_url())

    assert visitor.get(welsh(thread.get_absolute_url()))["Content-Language"] == "cy"


@pytest.mark.page_cache
def test_a_reply_shows_at_once_on_the_welsh_page_too(visitor, thread):
    address = welsh(thread.get_absolute_url())
    visitor.get(address)

    services.post_reply(thread, UserFactory(), "A second reply", tell=False)

    assert "A second reply" in text(visitor.get(address))


@pytest.mark.page_cache
def test_a_reply_posted_from_a_welsh_page_shows_at_once_on_the_english_one(
    visitor, thread
):
    visitor.get(thread.get_absolute_url())

    with translation.override("cy"):
        services.post_reply(thread, UserFactory(), "Ateb arall", tell=False)

    assert "Ateb arall" in text(visitor.get(thread.get_absolute_url()))


@pytest.mark.page_cache
def test_wagtails_purge_of_the_english_address_reaches_the_welsh_page(visitor, thread):
    address = welsh(thread.get_absolute_url())
    visitor.get(address)

    purge_urls_from_cache(["http://localhost" + thread.get_absolute_url()])

    with CaptureQueriesContext(connection) as queries:
        visitor.get(address)
    assert len(queries) > 0


# The switcher, lang and hreflang


def test_a_welsh_page_says_it_is_welsh_and_links_to_itself_in_english(
    visitor, migration
):
    page = text(visitor.get("/cy/themes/migration/?page=1"))

    assert '<html lang="cy"' in page
    assert '<span aria-current="true" lang="cy">Cymraeg</span>' in page
    assert 'href="/themes/migration/?page=1" lang="en-GB" hreflang="en-GB"' in page
    assert "Change the language to English" in page
    assert "Neidio i'r prif gynnwys" in page


def test_the_switcher_sends_the_reader_back_to_the_page_in_the_language_chosen(
    visitor,
):
    page = text(visitor.get("/cy/accounts/login/?next=/cy/my/&x=1"))

    assert 'href="/accounts/login/?next=/my/&amp;x=1" lang="en-GB"' in page


@pytest.mark.parametrize("elsewhere", ["//evil.example/", "https://evil.example/"])
def test_a_next_that_leaves_the_site_is_left_as_it_is(elsewhere):
    link = urlsplit(link_in(f"/cy/accounts/login/?next={elsewhere}", "en-gb"))

    assert link.path == "/accounts/login/"
    assert parse_qs(link.query) == {"next": [elsewhere]}


def test_an_english_page_offers_the_same_page_in_welsh(visitor, migration):
    page = text(visitor.get("/themes/migration/"))

    assert '<html lang="en-GB"' in page
    assert '<span aria-current="true" lang="en-GB">English</span>' in page
    assert 'href="/cy/themes/migration/" lang="cy" hreflang="cy"' in page
    assert "Newid yr iaith i'r Gymraeg" in page


def test_every_page_names_its_address_in_each_language_in_its_head(visitor, migration):
    page = text(visitor.get("/cy/themes/migration/"))

    assert (
        '<link rel="alternate" hreflang="en-GB" '
        'href="http://testserver/themes/migration/">' in page
    )
    assert (
        '<link rel="alternate" hreflang="cy" '
        'href="http://testserver/cy/themes/migration/">' in page
    )


def test_the_menu_and_breadcrumbs_of_a_welsh_page_stay_in_welsh(visitor, migration):
    page = text(visitor.get("/cy/themes/migration/"))

    assert '<a class="govuk-service-navigation__link" href="/cy/meetings/"' in page
    assert ">Cyfarfodydd<" in page or "Cyfarfodydd\n" in page
    assert 'href="/cy/">Hafan</a>' in page


def test_govuk_frontends_components_have_their_words_in_welsh(visitor, migration):
    page = text(visitor.get("/cy/themes/migration/"))

    config = json.loads(
        re.search(r'id="govuk-frontend-config" type="application/json">(.*?)<', page)[1]
    )
    under = config["characterCount"]["i18n"]["charactersUnderLimit"]
    assert under["one"] == "Mae gennych %{count} nod ar ôl"
    # Intl.PluralRules("cy") has six forms: each has its words.
    assert under["two"] == under["few"] == under["many"] == under["other"]
    assert under["other"] == "Mae gennych %{count} o nodau ar ôl"


def test_the_service_unavailable_page_is_welsh_under_cy_without_a_request():
    with translation.override("cy"):
        page = loader.get_template("503.html").render()

    assert '<html lang="cy"' in page
    assert "Mae&#x27;n ddrwg gennym, nid yw&#x27;r gwasanaeth ar gael" in page or (
        "Mae'n ddrwg gennym, nid yw'r gwasanaeth ar gael" in page
    )
    assert "Newid iaith" not in page  # no request: no switcher
