"""A form that creates something, sent twice with the same key, stores one thing.

A double click, a browser resubmitting after a timeout, a retry after a 503: the
second POST is sent where the first went, and nothing more is created.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from core.idempotency import FIELD, new_key
from forums import services
from forums.factories import ThreadFactory
from forums.models import Thread
from gaps.factories import DataGapFactory
from gaps.models import DataGap, GapSupport
from themes.factories import ThemePageFactory

KEY = new_key()


@pytest.fixture
def theme(theme_index):
    return ThemePageFactory(parent=theme_index, title="Housing", slug="housing")


def thread_url(thread, action):
    return reverse(
        f"forums:{action}",
        kwargs={"theme_slug": thread.theme.slug, "pk": thread.pk, "slug": thread.slug},
    )


def new_thread(theme):
    url = reverse("forums:new_thread", kwargs={"theme_slug": theme.slug})
    data = {"kind": "discussion", "title": "Rents by ward", "body": "Anyone?"}
    return url, data, Thread.objects.filter(title="Rents by ward")


def reply(theme):
    thread = ThreadFactory(theme=theme)
    return thread_url(thread, "reply"), {"comment": "Me too"}, XtdComment.objects


def answer(theme):
    thread = ThreadFactory(theme=theme)
    parent = services.post_reply(thread, UserFactory(), "Which wards?", tell=False)
    data = {"comment": "All of them", "parent": parent.pk}
    return thread_url(thread, "reply"), data, XtdComment.objects.filter(level=1)


def data_gap(theme):
    url = reverse("gaps:new_gap", kwargs={"theme_slug": theme.slug})
    data = {"title": "Overcrowding", "measure": "Shares.", "purpose": "Targets."}
    return url, data, DataGap.objects.filter(title="Overcrowding")


def gap_support(theme):
    gap = DataGapFactory(theme=theme)
    url = reverse("gaps:support", kwargs={"theme_slug": theme.slug, "pk": gap.pk})
    return url, {"use_case": "Planning"}, GapSupport.objects


FORMS = [new_thread, reply, answer, data_gap, gap_support]


@pytest.mark.django_db
@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.__name__)
def test_the_same_post_twice_stores_one_and_goes_where_it_went(client, theme, form):
    url, data, created = form(theme)
    client.force_login(UserFactory())

    first = client.post(url, {**data, FIELD: KEY})
    again = client.post(url, {**data, FIELD: KEY})

    assert first.status_code == again.status_code == 302
    assert again.url == first.url
    assert created.count() == 1


@pytest.mark.django_db
def test_a_post_sent_back_for_correction_leaves_its_key_free(client, theme):
    url, data, created = new_thread(theme)
    client.force_login(UserFactory())

    refused = client.post(url, {**data, "title": "", FIELD: KEY})
    corrected = client.post(url, {**data, FIELD: KEY})

    assert refused.status_code == 200
    assert corrected.status_code == 302
    assert created.count() == 1


@pytest.mark.django_db
def test_every_form_that_creates_shows_a_new_key_each_time(client, theme):
    client.force_login(UserFactory())
    url = reverse("forums:new_thread", kwargs={"theme_slug": theme.slug})

    keys = [
        client.get(url).content.decode().split(f'name="{FIELD}" value="')[1][:32]
        for _ in range(2)
    ]

    assert keys[0] != keys[1]


@pytest.mark.django_db
def test_someone_elses_key_creates_their_own_post(client, theme):
    url, data, created = new_thread(theme)
    client.force_login(UserFactory())
    client.post(url, {**data, FIELD: KEY})
    client.force_login(UserFactory())

    client.post(url, {**data, FIELD: KEY})

    assert created.count() == 2


def test_two_identical_posts_at_once_store_one(database, theme):
    url, data, created = new_thread(theme)
    member = UserFactory()

    def post(_):
        client = Client()
        client.force_login(member)
        return client.post(url, {**data, FIELD: KEY})["Location"]

    locations = database.at_once(2, post)

    assert len(set(locations)) == 1, locations
    assert database.run(created.count) == 1
