"""Asking to be recognised as a producer, in Welsh: the form, its refusals and the
request's status on the dashboard speak Welsh."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from tests.in_welsh import in_welsh, page_in_welsh, text_of
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


def test_asking_to_be_recognised_is_in_welsh(client, migration, ons, editor):
    client.force_login(UserFactory())
    url = migration.url + "become-a-producer/"
    asked = {"organisation": ons.pk, "job_title": "Ystadegydd", "reason": ""}

    form = page_in_welsh(client, url)
    in_welsh(client.post, url, asked)
    dashboard = page_in_welsh(client, reverse("dashboard"))
    again = text_of(in_welsh(client.post, url, asked))
    client.force_login(appoint(migration, Role.PRODUCER, editor, ons))
    producer = text_of(in_welsh(client.post, url, asked))

    assert "Beth yr hoffech ei wneud fel cynhyrchydd" in form
    assert "Yn aros am benderfyniad" in dashboard
    assert (
        "Rydych eisoes wedi gofyn am gael eich cydnabod yn y thema hon. Bydd golygydd "
        "yn penderfynu cyn bo hir." in again
    )
    assert "Rydych eisoes wedi'ch cydnabod yn gynhyrchydd yn y thema hon." in producer
    for english in [
        "What you would like to do as a producer",
        "Waiting for a decision",
        "You have already asked",
        "You are already recognised",
    ]:
        assert english not in form + dashboard + again + producer, english
