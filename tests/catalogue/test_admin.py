"""Statistics in the admin: editors manage every producer's, producers their own
organisation's, nobody else any."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from catalogue.models import Statistic
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_catalogue_statistic:list"
ADD = "wagtailsnippets_catalogue_statistic:add"
EDIT = "wagtailsnippets_catalogue_statistic:edit"
DELETE = "wagtailsnippets_catalogue_statistic:delete"


def test_the_admin_addresses_are_readable():
    assert reverse(LIST) == "/admin/snippets/catalogue/statistic/"
    assert (
        reverse("wagtailsnippets_catalogue_statistic:import")
        == "/admin/snippets/catalogue/statistic/import/"
    )


def form_data(statistic_or_none, producer, **changes):
    data = {
        "name": "Annual Population Survey",
        "slug": "annual-population-survey",
        "description": "Employment and more, by local authority.",
        "producer": producer.pk,
        "producer_reference": "",
        "status": "official",
        "cadence": "quarterly",
        "next_release": "",
        "producer_url": "https://www.ons.gov.uk/aps",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
    }
    return {**data, **changes}


def test_an_editor_sees_every_producers_statistics(client, editor, lfs, ehs):
    client.force_login(editor)

    html = client.get(reverse(LIST)).content.decode()

    assert "Labour Force Survey" in html
    assert "English Housing Survey" in html


def test_a_producer_sees_only_their_organisations_statistics(
    client, ons_producer, lfs, ehs
):
    client.force_login(ons_producer)

    response = client.get(reverse(LIST))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Labour Force Survey" in html
    assert "English Housing Survey" not in html


def test_a_producer_edits_their_organisations_statistic(client, ons_producer, lfs, ons):
    client.force_login(ons_producer)

    response = client.post(
        reverse(EDIT, args=[lfs.pk]),
        form_data(lfs, ons, name="Labour Force Survey", slug=lfs.slug),
    )

    assert response.status_code == 302
    lfs.refresh_from_db()
    assert lfs.description == "Employment and more, by local authority."


def test_a_producer_of_another_organisation_cannot_edit_or_delete(
    client, ons_producer, ehs, dluhc
):
    client.force_login(ons_producer)

    edit = client.post(reverse(EDIT, args=[ehs.pk]), form_data(ehs, dluhc))
    delete = client.post(reverse(DELETE, args=[ehs.pk]))

    assert edit.status_code in (302, 403) and "/login" not in edit.get("Location", "")
    assert delete.status_code in (302, 403)
    ehs.refresh_from_db()
    assert ehs.name == "English Housing Survey"
    assert Statistic.objects.filter(pk=ehs.pk).exists()


def test_a_producer_cannot_add_a_statistic_for_another_organisation(
    client, ons_producer, dluhc
):
    client.force_login(ons_producer)

    response = client.post(reverse(ADD), form_data(None, dluhc))

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Statistic.objects.exists()


def test_a_producer_adds_a_statistic_for_their_organisation(client, ons_producer, ons):
    client.force_login(ons_producer)

    response = client.post(reverse(ADD), form_data(None, ons))

    assert response.status_code == 302
    assert Statistic.objects.get().producer == ons


def test_a_chair_who_is_no_producer_has_no_statistics_to_manage(
    client, housing, editor, lfs
):
    chair = appoint(housing, Role.CHAIR, editor)
    client.force_login(chair)

    assert client.get(reverse(EDIT, args=[lfs.pk])).status_code in (302, 403)
    assert client.get(reverse(ADD)).status_code in (302, 403)


def test_a_member_without_admin_access_is_kept_out(client, lfs):
    client.force_login(UserFactory())

    response = client.get(reverse(LIST))

    assert response.status_code == 302


def test_editors_see_that_a_contact_stopped_our_emails_and_cannot_undo_it(
    client, editor, lfs
):
    from datetime import datetime

    from django.utils import timezone

    from catalogue.models import StatisticContact

    stopped = timezone.make_aware(datetime(2026, 11, 3, 9, 30))
    contact = StatisticContact.objects.create(
        statistic=lfs,
        name="Dana Dataperson",
        role="Lead",
        email="dana@ons.example",
        emails_stopped_at=stopped,
    )
    client.force_login(editor)

    html = client.get(reverse(EDIT, args=[lfs.pk])).content.decode()

    assert "Asked us to stop emailing them" in html
    assert "3 Nov 2026" in html or "Nov. 3, 2026" in html
    assert 'name="contacts-0-emails_stopped_at"' not in html
    data = form_data(
        lfs,
        lfs.producer,
        name=lfs.name,
        slug=lfs.slug,
        **{
            "contacts-TOTAL_FORMS": "1",
            "contacts-INITIAL_FORMS": "1",
            "contacts-0-id": str(contact.pk),
            "contacts-0-name": "Dana Dataperson",
            "contacts-0-role": "Lead",
            "contacts-0-email": "dana@ons.example",
            "contacts-0-phone": "",
            "contacts-0-user": "",
            "contacts-0-ORDER": "1",
            "contacts-0-emails_stopped_at": "",
        },
    )
    response = client.post(reverse(EDIT, args=[lfs.pk]), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    contact.refresh_from_db()
    assert contact.emails_stopped_at == stopped
