"""Members choose the language of their emails (accounts/emails.py): every email is
written in it, notifications, digests, allauth's account emails and the answers to
replies by email alike, with its links to the site's pages in that language; links
to what has one address (the admin, documents) stay as they are."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts import digests, notifications
from accounts.emails import in_language, render_email
from accounts.factories import UserFactory
from accounts.models import User
from forums import notifications as forum_notifications
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import ThreadFollow
from themes import services as theme_services

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
SITE = "http://127.0.0.1:8000"


def send_request_received(user):
    return notifications.notify(
        user,
        "producer_request_received",
        "producer_request_received",
        {
            "member_name": "Sam Sender",
            "theme_title": "Migration",
            "organisation": "ONS",
            "job_title": "Statistician",
            "admin_url": "http://testserver/admin/",
        },
    )


def tell_of_a_reply(thread, follower):
    ThreadFollow.objects.get_or_create(thread=thread, user=follower)
    reply = forum_services.post_reply(thread, UserFactory(), "Yn y tabl.", tell=False)
    forum_notifications.tell_followers_of_reply(reply.pk)


# The choice


def test_a_new_member_is_written_to_in_english():
    assert UserFactory().email_language == "en-gb"


def test_a_member_chooses_welsh_in_their_email_preferences(client):
    member = UserFactory()
    client.force_login(member)

    page = client.get(reverse("notification_preferences")).content.decode()
    assert "Which language should we email you in?" in page
    assert 'value="cy"' in page and "Cymraeg" in page
    client.post(reverse("notification_preferences"), {"email_language": "cy"})

    member.refresh_from_db()
    assert member.email_language == "cy"


def test_a_language_the_site_does_not_speak_is_refused(client):
    member = UserFactory()
    client.force_login(member)

    response = client.post(
        reverse("notification_preferences"), {"email_language": "fr"}
    )

    assert response.status_code == 200
    assert 'id="id_email_language-error"' in response.content.decode()
    member.refresh_from_db()
    assert member.email_language == "en-gb"


def test_leaving_the_language_out_keeps_it(client):
    member = UserFactory(email_language="cy")
    client.force_login(member)

    client.post(reverse("notification_preferences"), {"digest_time": "18:30"})

    member.refresh_from_db()
    assert member.email_language == "cy"


def test_someone_who_signs_up_on_a_welsh_page_is_written_to_in_welsh(client):
    client.post(
        "/cy/accounts/signup/",
        {
            "first_name": "Aled",
            "last_name": "Jones",
            "email": "aled@example.org",
            "password1": "analytical-engine-1843",
            "password2": "analytical-engine-1843",
        },
    )

    assert User.objects.get(email="aled@example.org").email_language == "cy"
    [message] = mail.outbox
    assert "http://testserver/cy/accounts/confirm-email/" in message.body


# Notifications


def test_a_welsh_member_is_notified_in_welsh_with_links_to_welsh_pages():
    member = UserFactory(display_name="Sam", email_language="cy")

    send_request_received(member)

    [message] = mail.outbox
    assert "Helo Sam," in message.body
    assert "Tîm statsforum" in message.body
    assert (
        f"{SITE}/cy/accounts/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    )
    html, _ = message.alternatives[0]
    assert '<html lang="cy">' in html
    # The admin has one address in every language.
    assert "http://testserver/admin/" in html


def test_an_english_member_told_during_a_welsh_page_is_written_to_in_english(
    migration,
):
    member = UserFactory(display_name="Sam")
    thread = ThreadFactory(theme=migration)

    with translation.override("cy"):
        tell_of_a_reply(thread, member)

    [message] = mail.outbox
    assert "Hello Sam," in message.body
    assert f"{SITE}{thread.get_absolute_url()}" in message.body
    assert "/cy/" not in message.body


def test_a_welsh_members_reply_notification_links_to_the_welsh_thread(migration):
    member = UserFactory(email_language="cy")
    thread = ThreadFactory(theme=migration)

    tell_of_a_reply(thread, member)

    [message] = mail.outbox
    assert f"{SITE}/cy{thread.get_absolute_url()}" in message.body


def test_a_welsh_members_digest_is_in_welsh(housing):
    member = UserFactory(display_name="Dana", email_language="cy")
    theme_services.join_theme(member, housing, "daily")
    thread = ThreadFactory(theme=housing, title="Rhenti")
    forum_notifications.tell_members_of_thread(thread.pk)

    moment = dt.datetime.combine(dt.date(2026, 12, 8), dt.time(7, 5), tzinfo=UK)
    digests.queue_due(moment.astimezone(dt.UTC))

    [message] = mail.outbox
    assert "Helo Dana," in message.body
    assert f"{SITE}/cy{thread.get_absolute_url()}" in message.body
    assert f"{SITE}/cy/accounts/notifications/" in message.body


# The links


def test_only_links_to_pages_with_a_welsh_address_move_to_it():
    context = {
        "thread_url": "/themes/migration/discussions/1-a/",
        "admin_url": f"{SITE}/admin/pages/",
        "paper_url": f"{SITE}/documents/4/agenda.pdf",
        "elsewhere_url": "https://www.ons.gov.uk/",
        "items": [{"url": f"{SITE}/data-gaps/?page=2#list"}],
        "title": "/themes/ is not a link",
    }

    assert in_language(context, "cy") == {
        "thread_url": "/cy/themes/migration/discussions/1-a/",
        "admin_url": f"{SITE}/admin/pages/",
        "paper_url": f"{SITE}/documents/4/agenda.pdf",
        "elsewhere_url": "https://www.ons.gov.uk/",
        "items": [{"url": f"{SITE}/cy/data-gaps/?page=2#list"}],
        "title": "/themes/ is not a link",
    }


def test_an_email_without_a_member_is_in_the_language_of_the_page_it_came_from():
    with translation.override("cy"):
        _subject, text, html = render_email(
            "notifications/producer_request_received",
            {"recipient_name": "Sam", "theme_title": "Migration"},
        )

    assert text.startswith("Helo Sam,")
    assert f"{SITE}/cy/" in text
