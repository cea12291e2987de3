import pytest

from accounts.factories import OrganisationFactory, UserFactory
from events import services
from events.factories import EventPageFactory
from events.models import MeetingRegistration

pytestmark = pytest.mark.django_db

Status = MeetingRegistration.Status


@pytest.fixture
def meeting(migration):
    return EventPageFactory(
        parent=migration,
        title="Producers' round table",
        slug="round-table",
        one_place_per_organisation=True,
    )


def test_a_second_person_from_a_listed_organisation_is_refused(meeting, ons):
    services.register(meeting, UserFactory(organisation=ons))

    with pytest.raises(services.RegistrationRefused) as refusal:
        services.register(meeting, UserFactory(organisation=ons))

    assert refusal.value.message == (
        "Someone from Office for National Statistics has already registered. "
        "This meeting takes one person from each organisation."
    )
    assert meeting.registrations.count() == 1


def test_organisations_typed_in_match_ignoring_case_and_spaces(meeting):
    services.register(meeting, UserFactory(organisation_name="Migration Observatory"))

    with pytest.raises(services.RegistrationRefused, match="(?i)migration observatory"):
        services.register(
            meeting, UserFactory(organisation_name="  migration observatory ")
        )


def test_a_typed_in_name_matches_the_same_organisation_in_the_list(meeting, ons):
    services.register(meeting, UserFactory(organisation=ons))

    with pytest.raises(services.RegistrationRefused):
        services.register(
            meeting, UserFactory(organisation_name="office for national statistics")
        )


def test_someone_on_the_waiting_list_holds_their_organisations_place(migration, ons):
    meeting = EventPageFactory(
        parent=migration, capacity=1, one_place_per_organisation=True
    )
    services.register(meeting, UserFactory())
    waiting = services.register(meeting, UserFactory(organisation=ons))
    assert waiting.status == Status.WAITING

    with pytest.raises(services.RegistrationRefused):
        services.register(meeting, UserFactory(organisation=ons))


def test_people_from_different_organisations_each_get_a_place(meeting, ons):
    services.register(meeting, UserFactory(organisation=ons))
    services.register(meeting, UserFactory(organisation=OrganisationFactory()))
    services.register(meeting, UserFactory(organisation_name="Full Fact"))

    assert meeting.registrations.filter(status=Status.CONFIRMED).count() == 3


def test_members_with_no_organisation_are_not_limited(meeting):
    services.register(meeting, UserFactory())
    services.register(meeting, UserFactory(organisation_name="   "))
    services.register(meeting, UserFactory())

    assert meeting.registrations.count() == 3


def test_a_colleagues_cancelled_registration_no_longer_blocks(meeting, ons):
    first = services.register(meeting, UserFactory(organisation=ons))
    services.cancel(first)

    second = services.register(meeting, UserFactory(organisation=ons))

    assert second.status == Status.CONFIRMED


def test_other_meetings_take_any_number_from_one_organisation(migration, ons):
    meeting = EventPageFactory(parent=migration)
    services.register(meeting, UserFactory(organisation=ons))
    services.register(meeting, UserFactory(organisation=ons))

    assert meeting.registrations.count() == 2


def test_the_meeting_and_register_pages_state_the_rule(client, meeting, migration):
    client.force_login(UserFactory())
    rule = "One place per organisation"

    assert rule in client.get(meeting.url).content.decode()
    assert rule in client.get(meeting.url + "register/").content.decode()
    other = EventPageFactory(parent=migration, slug="open-to-all")
    assert rule not in client.get(other.url).content.decode()


def test_the_register_page_explains_the_refusal_and_changes_nothing(
    client, meeting, ons, mailoutbox
):
    services.register(meeting, UserFactory(organisation=ons))
    mailoutbox.clear()
    colleague = UserFactory(organisation=ons)
    client.force_login(colleague)

    response = client.post(meeting.url + "register/", {"access_needs": "Captions"})

    assert response.status_code == 400
    html = response.content.decode()
    summary = html[html.index("govuk-error-summary") :]
    assert (
        "Someone from Office for National Statistics has already registered." in summary
    )
    assert "<title>Error:" in html
    assert "Captions</textarea>" in html  # what they typed is kept
    assert not MeetingRegistration.objects.filter(user=colleague).exists()
    assert mailoutbox == []
