import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import notifications
from accounts.factories import UserFactory
from accounts.models import Notification, NotificationPreference
from accounts.notifications import NotificationKind
from themes import services
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db

Frequency = NotificationPreference.Frequency


@pytest.fixture
def theme_news():
    """A per-theme kind, as a feature app would register it."""
    kind = notifications.register_kind(
        NotificationKind(
            key="test_theme_news",
            label="News in a theme",
            description="Used by these tests.",
            per_theme=True,
        )
    )
    yield kind
    notifications._kinds.pop(kind.key)


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


def unsubscribe_path(message):
    return re.search(
        r"http://127\.0\.0\.1:8000(/accounts/unsubscribe/\S+/)", message.body
    )[1]


def test_a_notification_is_html_and_text_with_one_click_unsubscribe():
    user = UserFactory(display_name="Sam")

    send_request_received(user)

    [message] = mail.outbox
    assert message.to == [user.email]
    assert (
        message.subject == "Sam Sender asks to be recognised as a producer in Migration"
    )
    assert "Hello Sam," in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<strong>Migration</strong>" in html
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://127.0.0.1:8000/accounts/unsubscribe/"
    )


def test_plain_text_is_not_html_escaped_but_html_is():
    notifications.notify(
        UserFactory(),
        "meeting_registration",
        "meeting_registration",
        {"meeting_title": "Crime & justice users' <meeting>", "status": "waiting"},
    )

    [message] = mail.outbox
    assert (
        message.subject
        == "You are on the waiting list: Crime & justice users' <meeting>"
    )
    assert "Crime & justice users' <meeting> is full" in message.body
    html, _ = message.alternatives[0]
    assert "Crime &amp; justice users&#x27; &lt;meeting&gt;" in html


def test_one_click_unsubscribe_works_without_signing_in_or_a_csrf_token():
    user = UserFactory()
    send_request_received(user)
    path = unsubscribe_path(mail.outbox[0])

    response = Client(enforce_csrf_checks=True).post(
        path, {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    preference = NotificationPreference.objects.get(user=user)
    assert preference.frequency == Frequency.OFF
    send_request_received(user)
    assert len(mail.outbox) == 1


def test_the_unsubscribe_link_asks_before_it_unsubscribes(client):
    user = UserFactory()
    send_request_received(user)

    response = client.get(unsubscribe_path(mail.outbox[0]))

    assert response.status_code == 200
    assert "Stop these emails?" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_a_tampered_unsubscribe_link_is_refused(client):
    user = UserFactory()
    send_request_received(user)
    path = unsubscribe_path(mail.outbox[0])

    response = client.post(path.replace(path[-8:-1], "AAAAAAA"))

    assert response.status_code == 404
    assert "This unsubscribe link does not work" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_a_digest_preference_holds_the_notification_instead_of_emailing():
    user = UserFactory()
    notifications.set_frequency(
        user, notifications.get_kind("producer_request_received"), Frequency.WEEKLY
    )

    send_request_received(user)

    assert not mail.outbox
    # The held item is an outbox row waiting at its cadence (PendingDigestItem was
    # replaced by the outbox: the row's `cadence` is the old item's `frequency`).
    item = Notification.objects.get(user=user)
    assert item.cadence == Frequency.WEEKLY
    assert item.status == Notification.Status.PENDING
    assert item.context["theme_title"] == "Migration"


def test_account_messages_are_always_sent_and_carry_no_unsubscribe_link():
    user = UserFactory()
    NotificationPreference.objects.create(
        user=user, kind="producer_request_decided", frequency=Frequency.OFF
    )

    notifications.notify(
        user,
        "producer_request_decided",
        "producer_request_decided",
        {
            "approved": True,
            "theme_title": "Migration",
            "theme_url": "http://testserver/themes/migration/",
            "organisation": "ONS",
            "note": "",
        },
    )

    [message] = mail.outbox
    assert "List-Unsubscribe" not in message.extra_headers
    assert message.subject == "You are now a producer in Migration"


def test_inactive_accounts_are_never_emailed():
    user = UserFactory(is_active=False)

    send_request_received(user)

    assert not mail.outbox


def test_members_choose_per_theme_and_per_kind(client, theme_index, theme_news):
    member = UserFactory()
    joined = ThemePageFactory(parent=theme_index, title="Migration")
    ThemePageFactory(parent=theme_index, title="Not joined")
    services.join_theme(member, joined)
    client.force_login(member)

    page = client.get(reverse("notification_preferences"))
    field = f"test_theme_news__{joined.pk}"
    html = page.content.decode()
    assert "News in a theme: Migration" in html
    assert "Not joined" not in html

    response = client.post(
        reverse("notification_preferences"),
        {field: "daily", "producer_request_received": "off"},
    )

    assert response.status_code == 302
    assert notifications.frequency_for(member, theme_news, joined) == Frequency.DAILY
    assert (
        notifications.frequency_for(
            member, notifications.get_kind("producer_request_received")
        )
        == Frequency.OFF
    )


def test_a_bad_preference_is_refused_and_nothing_changes(client, theme_index):
    member = UserFactory()
    client.force_login(member)

    response = client.post(
        reverse("notification_preferences"), {"producer_request_received": "hourly"}
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_preferences_need_a_signed_in_member(client):
    response = client.get(reverse("notification_preferences"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_member_sets_the_time_of_their_digests(client):
    member = UserFactory()
    client.force_login(member)

    response = client.post(
        reverse("notification_preferences"), {"digest_time": "18:30"}
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.digest_time.isoformat() == "18:30:00"


@pytest.mark.parametrize("typed", ["25:00", "7am", "18:30:00", "\x00"])
def test_a_digest_time_that_is_no_time_is_refused_beside_the_field(client, typed):
    member = UserFactory()
    client.force_login(member)

    response = client.post(reverse("notification_preferences"), {"digest_time": typed})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_digest_time-error"' in html
    assert "Enter a time as hours and minutes on the 24-hour clock" in html
    member.refresh_from_db()
    assert member.digest_time.isoformat() == "07:00:00"
