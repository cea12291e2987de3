"""Editors see what became of each email received, and nothing of what it said."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.models import InboundMessage

pytestmark = pytest.mark.django_db

Outcome = InboundMessage.Outcome


def received(sender, outcome, note="", body=b"My reply."):
    return InboundMessage.objects.create(
        mailbox="replies",
        recipient=f"reply+{sender.split('@')[0]}@statsforum.example",
        from_address=sender,
        message_key=sender,
        raw=b"From: " + sender.encode() + b"\r\n\r\n" + body,
        outcome=outcome,
        note=note,
    )


def test_an_editor_finds_an_email_and_sees_what_became_of_it(client, editor):
    refused = received("ann@example.org", Outcome.REFUSED, "The thread is locked.")
    received("bo@example.org", Outcome.POSTED, body=b"Something private.")
    client.force_login(editor)

    listing = client.get(reverse("emails_received:index"))
    found = client.get(reverse("emails_received:index"), {"q": "ann@"})
    inspect = client.get(reverse("emails_received:inspect", args=[refused.pk]))

    assert "bo@example.org" in listing.content.decode()
    assert "ann@example.org" in found.content.decode()
    assert "bo@example.org" not in found.content.decode()
    assert "The thread is locked." in inspect.content.decode()
    assert "Refused, and the member told why" in inspect.content.decode()
    assert "My reply." not in inspect.content.decode()


def test_the_newest_comes_first_and_the_listing_never_loads_the_messages(
    client, editor, django_assert_max_num_queries
):
    for n in range(30):
        received(f"member{n}@example.org", Outcome.POSTED)
    client.force_login(editor)

    with django_assert_max_num_queries(30):
        page = client.get(reverse("emails_received:index")).content.decode()

    assert page.index("member29@example.org") < page.index("member28@example.org")


def test_nobody_adds_edits_or_deletes_one_here(client, editor):
    message = received("ann@example.org", Outcome.POSTED)
    client.force_login(editor)
    home = reverse("wagtailadmin_home")

    assert client.get(reverse("emails_received:add")).url == home
    assert client.get(reverse("emails_received:edit", args=[message.pk])).url == home
    assert client.post(reverse("emails_received:delete", args=[message.pk])).url == (
        home
    )
    assert InboundMessage.objects.filter(pk=message.pk).exists()


def test_members_without_the_right_do_not_see_them(client):
    client.force_login(UserFactory(two_factor=True))

    response = client.get(reverse("emails_received:index"))

    assert response.status_code in (302, 403)
