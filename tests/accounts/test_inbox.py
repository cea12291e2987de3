"""The inbox at /my/notifications/: the outbox rows written for a member."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import notifications
from accounts.factories import UserFactory
from accounts.models import Notification
from forums.factories import ThreadFactory
from forums.models import Thread

pytestmark = pytest.mark.django_db

INBOX = "/my/notifications/"
MARK_ALL = "/my/notifications/read/"
# Session, member, the page's count and rows, one query per kind that can be
# withdrawn, the header's count, what every page asks (site, footer pages,
# permissions) and the request's savepoint.
INBOX_BUDGET = 13


def request_received(user, name="Sam Sender", admin_url="http://testserver/admin/"):
    return notifications.notify(
        user,
        "producer_request_received",
        "producer_request_received",
        {
            "member_name": name,
            "theme_title": "Migration",
            "organisation": "ONS",
            "job_title": "Statistician",
            "admin_url": admin_url,
        },
    )


def new_thread(user, thread):
    return Notification.objects.create(
        user=user,
        kind="new_thread",
        theme=thread.theme,
        event_key=f"thread:{thread.pk}",
        template="new_thread",
        context={
            "thread_title": thread.title,
            "thread_url": thread.get_full_url(),
            "theme_title": thread.theme.title,
            "author_name": "Ana",
            "kind": "Discussion",
            "text": thread.body,
            "html": thread.body,
        },
        cadence=Notification.Cadence.DAILY,
    )


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def unread_badge(response):
    found = re.search(
        rb'class="sf-count">(\d+)<span class="govuk-visually-hidden">', response.content
    )
    return int(found[1]) if found else 0


def test_the_inbox_lists_your_notifications_newest_first_with_unread_marked():
    member = UserFactory()
    older = request_received(member, name="Old Sender")
    Notification.objects.filter(pk=older.pk).update(
        read_at=timezone.now(), created_at=timezone.now() - timezone.timedelta(days=1)
    )
    request_received(member, name="New Sender")

    response = signed_in(member).get(INBOX)

    assert response.status_code == 200
    text = response.content.decode()
    assert text.index("New Sender asks") < text.index("Old Sender asks")
    # One unread, marked in words a screen reader reads, not by colour alone.
    assert text.count(">Unread</strong>") == 1
    assert "Mark all as read" in text
    assert unread_badge(response) == 1


def test_the_inbox_shows_only_your_own_notifications():
    member, other = UserFactory(), UserFactory()
    request_received(other, name="Not For You")

    response = signed_in(member).get(INBOX)

    assert "Not For You" not in response.content.decode()
    assert "You have no notifications yet" in response.content.decode()


def test_the_header_marks_only_notifications_as_where_you_are():
    html = signed_in(UserFactory()).get(INBOX).content.decode()

    current = re.findall(r'href="([^"]+)" aria-current', html)
    assert current == [INBOX]


def test_a_visitor_is_sent_to_sign_in():
    response = Client().get(INBOX)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_opening_a_notification_marks_it_read_and_goes_to_its_page():
    member = UserFactory()
    row = request_received(member)
    client = signed_in(member)

    response = client.get(f"{INBOX}{row.pk}/")

    assert response.status_code == 302
    assert response.url == "/admin/"
    row.refresh_from_db()
    first = row.read_at
    assert first is not None
    client.get(f"{INBOX}{row.pk}/")
    row.refresh_from_db()
    assert row.read_at == first


def test_another_members_notification_is_not_found_and_stays_unread():
    member, other = UserFactory(), UserFactory()
    row = request_received(other)

    response = signed_in(member).get(f"{INBOX}{row.pk}/")

    assert response.status_code == 404
    row.refresh_from_db()
    assert row.read_at is None


def test_an_unknown_or_malformed_id_is_not_found():
    client = signed_in(UserFactory())

    assert client.get(f"{INBOX}999999/").status_code == 404
    assert client.get(f"{INBOX}abc/").status_code == 404


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
    ],
)
def test_a_notification_never_redirects_off_the_site(address):
    member = UserFactory()
    row = request_received(member, admin_url=address)

    response = signed_in(member).get(f"{INBOX}{row.pk}/")

    assert response.status_code == 302
    assert response.url == INBOX
    row.refresh_from_db()
    assert row.read_at is not None


def test_mark_all_as_read_marks_only_yours_and_needs_a_post():
    member, other = UserFactory(), UserFactory()
    mine = [request_received(member, name=f"Sender {n}") for n in range(3)]
    theirs = request_received(other)
    client = signed_in(member)

    assert client.get(MARK_ALL).status_code == 405
    response = client.post(MARK_ALL, follow=True)

    assert "Marked 3 notifications as read." in response.content.decode()
    assert unread_badge(response) == 0
    assert not Notification.objects.filter(
        pk__in=[row.pk for row in mine], read_at=None
    ).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_as_read_needs_the_csrf_token():
    member = UserFactory()
    request_received(member)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    assert client.post(MARK_ALL).status_code == 403
    assert Notification.objects.filter(user=member, read_at=None).count() == 1


def test_notifications_about_hidden_content_do_not_show_or_count(migration):
    member = UserFactory()
    shown = ThreadFactory(theme=migration, title="Still here")
    hidden = ThreadFactory(theme=migration, title="Taken down")
    new_thread(member, shown)
    gone = new_thread(member, hidden)
    Thread.objects.filter(pk=hidden.pk).update(is_public=False)
    withdrawn = request_received(member, name="Withdrawn Sender")
    Notification.objects.filter(pk=withdrawn.pk).update(
        status=Notification.Status.WITHDRAWN
    )
    client = signed_in(member)

    response = client.get(INBOX)

    text = response.content.decode()
    assert "Still here" in text
    assert "Taken down" not in text
    assert "Withdrawn Sender" not in text
    assert unread_badge(response) == 1
    assert client.get(f"{INBOX}{gone.pk}/").status_code == 404
    gone.refresh_from_db()
    assert gone.read_at is not None


def test_digests_are_not_listed_their_items_are():
    member = UserFactory()
    Notification.objects.create(
        user=member,
        kind="daily_digest",
        event_key="digest:daily:2026-12-01",
        template="digest",
        context={},
    )

    response = signed_in(member).get(INBOX)

    assert "You have no notifications yet" in response.content.decode()
    assert unread_badge(response) == 0


def test_the_inbox_is_paginated():
    member = UserFactory()
    for n in range(25):
        request_received(member, name=f"Sender {n:02d}")
    client = signed_in(member)

    first = client.get(INBOX).content.decode()
    second = client.get(INBOX, {"page": 2}).content.decode()

    assert first.count('class="sf-inbox__item') == 20
    assert second.count('class="sf-inbox__item') == 5
    assert "Sender 24" in first and "Sender 00" in second
    assert client.get(INBOX, {"page": "nonsense"}).status_code == 200


def test_the_header_count_costs_a_member_one_query_and_a_visitor_none(
    home_page, django_assert_max_num_queries
):
    member = UserFactory()
    request_received(member)
    client = signed_in(member)
    client.get("/")  # warm the session and site caches
    visitor = Client()
    visitor.get("/")

    with django_assert_max_num_queries(100) as visiting:
        visitor.get("/")
    with django_assert_max_num_queries(100) as member_page:
        response = client.get("/")

    counts = [
        q["sql"]
        for q in member_page.captured_queries
        if "accounts_notification" in q["sql"]
    ]
    assert len(counts) == 1
    assert unread_badge(response) == 1
    assert not [
        q for q in visiting.captured_queries if "accounts_notification" in q["sql"]
    ]


def test_the_inbox_costs_as_many_queries_for_40_notifications_as_for_2(migration):
    member = UserFactory()
    client = signed_in(member)

    def add(count):
        for _ in range(count):
            new_thread(member, ThreadFactory(theme=migration))
            request_received(member)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(INBOX).status_code == 200
        return len(captured)

    add(1)
    client.get(INBOX)
    few = queries()
    add(20)
    many = queries()

    assert many == few
    assert many <= INBOX_BUDGET
