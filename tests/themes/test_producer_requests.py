import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import Organisation
from themes import services
from themes.models import ProducerRequest, Role, ThemeRole

pytestmark = pytest.mark.django_db


def ask(client, theme, **data):
    return client.post(
        theme.url + "become-a-producer/",
        {"organisation": "", "job_title": "", "reason": "", **data},
    )


def test_a_member_asks_and_the_editors_are_told(
    client, migration, ons, editor, mailoutbox
):
    member = UserFactory(first_name="Priya", last_name="Shah")
    client.force_login(member)

    response = ask(client, migration, organisation=ons.pk, job_title="Statistician")

    assert response.status_code == 302
    request = ProducerRequest.objects.get(user=member)
    assert request.status == ProducerRequest.Status.PENDING
    [message] = mailoutbox
    assert message.to == ["editor@example.org"]
    assert (
        "Priya Shah asks to be recognised as a producer in Migration" in message.subject
    )
    assert f"/admin/producer_requests/edit/{request.pk}/" in message.body
    assert "Waiting for a decision" in client.get(reverse("dashboard")).content.decode()


def test_a_request_without_organisation_or_role_is_refused(client, migration, ons):
    client.force_login(UserFactory())

    response = ask(client, migration, reason="I run the survey")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Choose your organisation." in html
    assert "Enter your job title." in html
    assert "I run the survey" in html
    assert not ProducerRequest.objects.exists()


def test_only_producer_organisations_can_be_chosen(client, migration):
    user_body = OrganisationFactory(kind=Organisation.Kind.USER)
    client.force_login(UserFactory())

    response = ask(client, migration, organisation=user_body.pk, job_title="Analyst")

    assert "Select a valid choice" in response.content.decode()
    assert not ProducerRequest.objects.exists()


def test_a_second_request_while_one_waits_is_refused(client, migration, ons):
    member = UserFactory()
    client.force_login(member)
    ask(client, migration, organisation=ons.pk, job_title="Statistician")

    response = ask(client, migration, organisation=ons.pk, job_title="Statistician")

    assert "You have already asked to be recognised" in response.content.decode()
    assert ProducerRequest.objects.count() == 1


def test_an_editor_approves_and_the_member_becomes_a_producer(
    client, migration, ons, editor, mailoutbox
):
    member = UserFactory()
    request = services.request_producer_status(
        member, migration, organisation=ons, job_title="Statistician"
    )
    client.force_login(editor)

    response = client.post(
        reverse("producer_requests:edit", args=[request.pk]),
        {"decision": "approve", "decision_note": "Welcome."},
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ProducerRequest.Status.APPROVED
    assert request.decided_by == editor
    role = ThemeRole.objects.get(user=member)
    assert (role.role, role.organisation, role.job_title) == (
        Role.PRODUCER,
        ons,
        "Statistician",
    )
    assert member.groups.filter(name="Migration producers").exists()
    assert mailoutbox[-1].to == [member.email]
    assert mailoutbox[-1].subject == "You are now a producer in Migration"
    assert "Welcome." in mailoutbox[-1].body


def test_declining_needs_a_reason_for_the_member(client, migration, ons, editor):
    request = services.request_producer_status(
        UserFactory(), migration, organisation=ons, job_title="Statistician"
    )
    client.force_login(editor)

    response = client.post(
        reverse("producer_requests:edit", args=[request.pk]),
        {"decision": "decline", "decision_note": ""},
    )

    assert response.status_code == 200
    assert "Tell the member why" in response.content.decode()
    request.refresh_from_db()
    assert request.status == ProducerRequest.Status.PENDING


def test_a_declined_member_is_told_why(client, migration, ons, editor, mailoutbox):
    member = UserFactory()
    request = services.request_producer_status(
        member, migration, organisation=ons, job_title="Statistician"
    )

    services.decide_producer_request(
        request, decided_by=editor, approve=False, note="Please use your work address."
    )

    assert not ThemeRole.objects.exists()
    assert mailoutbox[-1].to == [member.email]
    assert "declined" in mailoutbox[-1].body
    assert "Please use your work address." in mailoutbox[-1].body


def test_a_request_is_decided_once(migration, ons, editor):
    request = services.request_producer_status(
        UserFactory(), migration, organisation=ons, job_title="Statistician"
    )
    services.decide_producer_request(request, decided_by=editor, approve=True)

    with pytest.raises(ValidationError):
        services.decide_producer_request(request, decided_by=editor, approve=False)


def test_only_editors_decide(client, migration, ons, editor):
    request = services.request_producer_status(
        UserFactory(), migration, organisation=ons, job_title="Statistician"
    )
    chair = UserFactory(two_factor=True)
    services.grant_role(migration, chair, Role.CHAIR, granted_by=editor)

    with pytest.raises(PermissionDenied):
        services.decide_producer_request(request, decided_by=chair, approve=True)
    client.force_login(chair)
    response = client.post(
        reverse("producer_requests:edit", args=[request.pk]), {"decision": "approve"}
    )
    assert response.status_code in (302, 403)
    request.refresh_from_db()
    assert request.status == ProducerRequest.Status.PENDING


def test_requests_cannot_be_made_up_in_the_admin(client, editor):
    client.force_login(editor)

    response = client.get(reverse("producer_requests:index"))

    assert response.status_code == 200
    assert reverse("producer_requests:add") not in response.content.decode()
