"""Discussions in Welsh, at their /cy/ addresses: every word the forum itself says is
Welsh, what members wrote stays as they wrote it, and the English page is unchanged."""

from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from core.languages import address_in
from forums import services
from forums.factories import ThreadFactory
from forums.models import Thread

pytestmark = pytest.mark.django_db


def welsh(path):
    return address_in(path, "cy")


def text(response):
    # Apostrophes arrive escaped (&#x27;): compare the text a reader sees.
    return unescape(response.content.decode())


@pytest.fixture
def question(migration):
    thread = ThreadFactory(
        theme=migration, title="Visa data by region", kind=Thread.Kind.QUESTION
    )
    services.post_reply(thread, UserFactory(), "Try the quarterly tables.", tell=False)
    thread.refresh_from_db()
    return thread


def test_a_themes_discussions_are_listed_in_welsh(client, question, migration):
    page = text(
        client.get(
            welsh(reverse("forums:threads", kwargs={"theme_slug": migration.slug}))
        )
    )

    for cymraeg in [
        "Dechrau trafodaeth neu ofyn cwestiwn",
        "Gweithgarwch diwethaf",
        "Cwestiwn a ddechreuwyd gan",
        "Heb ei ateb",
        "Trefnu yn ôl",
    ]:
        assert cymraeg in page
    assert "Visa data by region" in page
    for english in [
        "Start a discussion or ask a question",
        "Last activity",
        "Question started by",
        "Unanswered",
        "Sort by",
    ]:
        assert english not in page


def test_a_visitor_reads_a_thread_in_welsh_and_is_asked_to_sign_in_in_welsh(
    client, question
):
    page = text(client.get(welsh(question.get_absolute_url())))

    for cymraeg in ["Cwestiwn", "1 ateb", "Yn aros am ateb", "Mewngofnodwch", "i ateb"]:
        assert cymraeg in page
    assert "Try the quarterly tables." in page
    for english in ["1 reply", "Waiting for an answer", "create an account"]:
        assert english not in page


def test_a_member_sees_the_reply_form_and_the_markdown_hint_in_welsh(client, question):
    client.force_login(UserFactory())

    page = text(client.get(welsh(question.get_absolute_url())))

    for cymraeg in [
        "Neidio i'r ffurflen ateb",
        "Ateb yr edefyn",
        "Postio eich ateb",
        "Gallwch ddefnyddio Markdown",
        "Dilyn yr edefyn hwn",
        "Rhoi gwybod am yr edefyn hwn",
    ]:
        assert cymraeg in page
    for english in [
        "Skip to the reply form",
        "Reply to the thread",
        "Post your reply",
        "You can use Markdown",
        "Follow this thread",
        "Report this thread",
    ]:
        assert english not in page


def test_a_thread_with_no_title_is_refused_in_welsh(client, migration):
    client.force_login(UserFactory())

    response = client.post(
        welsh(reverse("forums:new_thread", kwargs={"theme_slug": migration.slug})),
        {"kind": "question", "title": "", "body": "Why?", "action": "post"},
    )

    page = text(response)
    assert "Gwall:" in page and "Rhowch deitl." in page
    assert "Cwestiwn i'r cynhyrchwyr" in page
    assert "Enter a title." not in page
    assert not Thread.objects.exists()


def test_the_english_thread_page_stays_english(client, question):
    page = text(client.get(question.get_absolute_url()))

    assert "1 reply" in page and "Waiting for an answer" in page
    assert "Mewngofnodwch" not in page


def test_a_quoted_reply_says_who_wrote_it_in_welsh(client, question):
    quoted = services.post_reply(
        question, UserFactory(display_name="Sam"), "Line one", tell=False
    )
    client.force_login(UserFactory())

    response = client.get(welsh(question.get_absolute_url()), {"quote": quoted.pk})

    assert response.context["reply_form"].initial["comment"] == (
        "> Ysgrifennodd **Sam**:\n>\n> Line one\n\n"
    )


def test_how_long_ago_threads_were_active_is_said_in_welsh(client, question, migration):
    older = ThreadFactory(theme=migration, title="Census weights")
    for thread, ago in [(question, timedelta(days=3)), (older, timedelta(days=40))]:
        Thread.objects.filter(pk=thread.pk).update(
            last_activity_at=timezone.now() - ago - timedelta(minutes=5)
        )

    page = text(client.get(welsh(migration.url)))

    # Django's timesince, whose Welsh lacks these words; its parts keep their space.
    assert "gweithgarwch diwethaf 3\xa0diwrnod yn ôl" in page
    assert "gweithgarwch diwethaf 1\xa0mis, 1\xa0wythnos yn ôl" in page
    assert "days" not in page and "month" not in page
