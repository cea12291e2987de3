"""A response sent twice (a double click, a retry after a timeout) counts once,
for someone without an account too."""

import pytest

from consultations.factories import COMPLETE_ANSWERS
from consultations.models import ConsultationPage, ConsultationResponse
from core.idempotency import FIELD, new_key

pytestmark = pytest.mark.django_db


def test_an_anonymous_response_sent_twice_is_stored_and_confirmed_once(
    client, consultation, mailoutbox
):
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        who_may_respond=ConsultationPage.WhoMayRespond.ANYONE
    )
    data = {
        **COMPLETE_ANSWERS,
        "respond_as": "individual",
        "publication": "anonymous",
        "action": "continue",
        "name": "Sam Lee",
        "email": "sam@example.net",
        FIELD: new_key(),
    }

    first = client.post(consultation.url + "respond/", data)
    again = client.post(consultation.url + "respond/", data)

    assert first.status_code == again.status_code == 302
    assert again.url == first.url
    assert ConsultationResponse.objects.count() == 1
    assert len(mailoutbox) == 1
