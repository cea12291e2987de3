import csv
import io
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageLogEntry

from accounts.factories import OrganisationFactory, UserFactory
from core.csv import safe_cell
from events import services
from events.models import MeetingRegistration
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db

Status = MeetingRegistration.Status
ACCESS_NEEDS = "Step-free access and a hearing loop"
HEADER = [
    "name",
    "email",
    "organisation",
    "sector",
    "status",
    "registered at",
    "access needs",
]


@pytest.fixture
def chair(migration, editor):
    return appoint(migration, Role.CHAIR, editor)


@pytest.fixture
def registrations(meeting):
    """Ann has the place; Ben then Cat wait for one; Dan gave his up."""
    ann = UserFactory(
        first_name="Ann",
        last_name="Archer",
        email="ann@example.org",
        organisation=OrganisationFactory(name="Office for Statistics"),
        sector="government_analyst",
    )
    ben = UserFactory(
        first_name="Ben", last_name="Baker", organisation_name="University of Leeds"
    )
    cat = UserFactory(first_name="Cat", last_name="Cole")
    dan = UserFactory(first_name="Dan", last_name="Dale")
    dan_registration = services.register(meeting, dan, "Dan's needs", tell_them=False)
    services.register(meeting, ann, ACCESS_NEEDS, tell_them=False)
    services.register(meeting, ben, tell_them=False)
    services.register(meeting, cat, "Captions", tell_them=False)
    # Dan had the place: Ann takes it, Ben and Cat keep waiting in order.
    services.cancel(dan_registration)
    return ann, ben, cat, dan


def attendees_url(meeting, query=""):
    return reverse("events_meeting_attendees", args=[meeting.pk]) + query


def read_csv(response):
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


# Who may see the list


@pytest.mark.parametrize("who", ["editor", "chair"])
def test_an_editor_and_the_themes_chair_see_the_attendees_and_their_access_needs(
    client, meeting, registrations, request, who
):
    client.force_login(request.getfixturevalue(who))

    response = client.get(attendees_url(meeting))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Spring users meeting" in html
    assert services.when(meeting) in html
    assert "1 of 1 places taken." in html
    assert "2 on the waiting list." in html
    assert ACCESS_NEEDS in html
    assert "ann@example.org" in html
    assert "Office for Statistics" in html
    assert "University of Leeds" in html
    assert "Government analyst" in html
    # Registered first, then the waiting list in the order people joined it.
    order = [html.index(name) for name in ("Ann Archer", "Ben Baker", "Cat Cole")]
    assert order == sorted(order)
    assert "On the waiting list, number 1" in html
    assert "On the waiting list, number 2" in html
    assert "Dan Dale" not in html


def test_cancelled_registrations_are_listed_on_their_own(client, editor, meeting):
    services.cancel(services.register(meeting, UserFactory(first_name="Dan")))
    client.force_login(editor)

    assert "Dan " not in client.get(attendees_url(meeting)).content.decode()
    html = client.get(attendees_url(meeting, "?status=cancelled")).content.decode()

    assert "Dan " in html
    assert "Cancelled" in html


def test_a_chair_of_another_theme_cannot_see_the_attendees(
    client, meeting, registrations, housing, editor
):
    client.force_login(appoint(housing, Role.CHAIR, editor))

    response = client.get(attendees_url(meeting), follow=True)

    # Wagtail's admin turns the refusal into a redirect to its dashboard.
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    html = response.content.decode()
    assert "Sorry, you do not have permission" in html
    assert ACCESS_NEEDS not in html
    assert "ann@example.org" not in html


def test_a_producer_of_the_theme_cannot_see_the_attendees(
    client, meeting, registrations, migration, editor
):
    client.force_login(appoint(migration, Role.PRODUCER, editor))

    response = client.get(attendees_url(meeting), follow=True)

    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert ACCESS_NEEDS not in response.content.decode()


@pytest.mark.parametrize("query", ["", "?export=csv"])
def test_an_ordinary_member_is_sent_to_sign_in_and_sees_nothing(
    client, meeting, registrations, query
):
    client.force_login(UserFactory(two_factor=True))

    response = client.get(attendees_url(meeting, query))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert response["Content-Type"].startswith("text/html")
    assert ACCESS_NEEDS.encode() not in response.content
    assert not PageLogEntry.objects.filter(action="events.export_attendees").exists()


def test_the_attendee_list_is_only_for_meetings(client, editor, migration):
    client.force_login(editor)

    response = client.get(reverse("events_meeting_attendees", args=[migration.pk]))

    assert response.status_code == 404


# The CSV download


def test_the_csv_lists_the_registered_then_the_waiting_list_in_order(
    client, chair, meeting, registrations
):
    client.force_login(chair)

    response = client.get(attendees_url(meeting, "?export=csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="spring-attendees.csv"'
    )
    header, *rows = read_csv(response)
    assert header == HEADER
    assert [row[0] for row in rows] == ["Ann Archer", "Ben Baker", "Cat Cole"]
    assert [row[4] for row in rows] == [
        "Registered",
        "On the waiting list",
        "On the waiting list",
    ]
    ann = rows[0]
    assert ann[1:4] == [
        "ann@example.org",
        "Office for Statistics",
        "Government analyst",
    ]
    assert ann[6] == ACCESS_NEEDS
    assert rows[1][2] == "University of Leeds"
    registered = datetime.fromisoformat(ann[5])
    assert registered.utcoffset() is not None
    ann_registration = MeetingRegistration.objects.get(user=registrations[0])
    assert registered == ann_registration.created_at.replace(microsecond=0)


def test_the_csv_times_are_uk_time(client, editor, meeting, registrations):
    registration = MeetingRegistration.objects.get(user=registrations[0])
    registration.created_at = datetime.fromisoformat("2026-07-01T09:30:00+00:00")
    registration.save(update_fields=["created_at"])
    client.force_login(editor)

    rows = read_csv(client.get(attendees_url(meeting, "?export=csv")))

    assert rows[1][5] == "2026-07-01T10:30:00+01:00"


def test_cells_a_spreadsheet_would_run_as_a_formula_are_escaped(
    client, editor, meeting
):
    member = UserFactory(
        display_name='=HYPERLINK("http://evil.example","Click")',
        organisation_name="+44 20 7946 0000",
    )
    services.register(meeting, member, "@SUM(A1:A9)", tell_them=False)
    client.force_login(editor)

    [_, row] = read_csv(client.get(attendees_url(meeting, "?export=csv")))

    assert row[0] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row[2] == "'+44 20 7946 0000"
    assert row[6] == "'@SUM(A1:A9)"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
        (None, ""),
        (-3, -3),
    ],
)
def test_safe_cell_escapes_only_text_that_starts_a_formula(typed, written):
    assert safe_cell(typed) == written


def test_the_download_is_in_the_meetings_audit_log(
    client, chair, meeting, registrations
):
    client.force_login(chair)

    client.get(attendees_url(meeting, "?export=csv"))

    entry = PageLogEntry.objects.get(action="events.export_attendees")
    assert (entry.page_id, entry.user) == (meeting.pk, chair)
    assert entry.data == {"registrations": 3}
    assert entry.message == "Downloaded the attendee list"


def test_a_chair_of_another_theme_cannot_download_the_csv(
    client, meeting, registrations, housing, editor
):
    client.force_login(appoint(housing, Role.CHAIR, editor))

    response = client.get(attendees_url(meeting, "?export=csv"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert ACCESS_NEEDS.encode() not in response.content
    assert not PageLogEntry.objects.filter(action="events.export_attendees").exists()


# Reaching it from the admin


def test_the_chair_finds_attendees_on_the_meeting_in_the_explorer(
    client, chair, meeting, migration
):
    client.force_login(chair)

    # A theme's meetings are listed in its Meetings section (issue 12), no longer
    # under the theme itself.
    meetings = meeting.get_parent()
    listing = client.get(reverse("wagtailadmin_explore", args=[meetings.pk]))
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk]))

    assert attendees_url(meeting) in listing.content.decode()
    assert attendees_url(meeting) in edit_page.content.decode()


def test_only_meetings_have_an_attendees_button(client, editor, meeting, migration):
    client.force_login(editor)

    themes = client.get(
        reverse("wagtailadmin_explore", args=[migration.get_parent().pk])
    )

    assert themes.status_code == 200
    assert "/attendees/" not in themes.content.decode()


def test_a_producer_of_the_theme_gets_no_attendees_button(
    client, meeting, migration, editor
):
    client.force_login(appoint(migration, Role.PRODUCER, editor))

    # The theme's meetings are listed in its Meetings section (issue 12).
    meetings = meeting.get_parent()
    listing = client.get(reverse("wagtailadmin_explore", args=[meetings.pk]))

    assert listing.status_code == 200
    assert "Spring users meeting" in listing.content.decode()
    assert attendees_url(meeting) not in listing.content.decode()


# Query budgets


def add_registrations(meeting, count):
    for _ in range(count):
        MeetingRegistration.objects.create(
            meeting=meeting,
            user=UserFactory(organisation=OrganisationFactory()),
            status=Status.WAITING,
            access_needs="Large print",
        )


def queries_to_list(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        # The CSV streams: its rows are read as the body is.
        body = response.getvalue()
    assert response.status_code == 200
    assert b"Large print" in body
    return len(queries)


@pytest.mark.parametrize("query", ["", "?export=csv"])
def test_the_list_and_csv_take_as_many_queries_for_30_people_as_for_2(
    client, editor, meeting, query, django_assert_max_num_queries
):
    client.force_login(editor)
    url = attendees_url(meeting, query)
    add_registrations(meeting, 2)
    client.get(url)  # fills what the cache keeps
    with django_assert_max_num_queries(22):
        few = queries_to_list(client, url)

    add_registrations(meeting, 28)
    many = queries_to_list(client, url)

    assert many == few
