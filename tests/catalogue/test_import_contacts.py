"""A producer's CSV names each statistic's contacts: several to a cell, separated
by semicolons; named, they replace the statistic's; left empty, they stay. Every
contact's problem is an error of its row, and one bad row still writes nothing."""

import pytest

from accounts.factories import UserFactory
from catalogue import services
from catalogue.factories import StatisticContactFactory
from catalogue.models import Statistic
from tests.catalogue.test_import import upload

pytestmark = pytest.mark.django_db

HEADER = (
    "name,slug,description,status,cadence,producer_url,contact_name,contact_role,"
    "contact_email,contact_phone\n"
)
ROW = (
    "Labour Force Survey,labour-force-survey,Employment,official,quarterly,"
    "https://www.ons.gov.uk/lfs,{names},{roles},{emails},{phones}\n"
)


def row(names="", roles="", emails="", phones=""):
    return ROW.format(names=names, roles=roles, emails=emails, phones=phones)


def contacts_of(statistic):
    return [
        (contact.name, contact.role, contact.email, contact.phone)
        for contact in statistic.contacts.order_by("sort_order")
    ]


def test_a_row_names_several_contacts_in_order(ons):
    text = HEADER + row(
        "Priya Shah;Tom Reid",
        "Survey lead;Methods",
        "lfs@ons.example.org;",
        ";01633 455 400",
    )

    plan = services.import_statistics(ons, text)

    assert not plan.has_errors
    assert contacts_of(Statistic.objects.get()) == [
        ("Priya Shah", "Survey lead", "lfs@ons.example.org", ""),
        ("Tom Reid", "Methods", "", "01633 455 400"),
    ]


def test_an_international_phone_number_is_no_formula(ons):
    text = HEADER + row(
        "Priya Shah;Tom Reid",
        "Survey lead;Methods",
        "",
        "+44 1633 455400;+44 (0)20 7946 0000",
    )

    plan = services.import_statistics(ons, text)

    assert not plan.has_errors
    assert [c[3] for c in contacts_of(Statistic.objects.get())] == [
        "+44 1633 455400",
        "+44 (0)20 7946 0000",
    ]


def test_the_same_contacts_again_change_nothing(ons):
    text = HEADER + row("Priya Shah", "Survey lead", "lfs@ons.example.org")
    services.import_statistics(ons, text)

    plan = services.import_statistics(ons, text)

    assert plan.summary["unchanged"] == 1


def test_new_contacts_replace_the_old_and_one_kept_keeps_its_account(ons):
    services.import_statistics(
        ons, HEADER + row("Priya Shah", "Survey lead", "lfs@ons.example.org")
    )
    statistic = Statistic.objects.get()
    account = UserFactory()
    statistic.contacts.update(user=account)
    StatisticContactFactory(statistic=statistic, name="Gone Away")

    plan = services.import_statistics(
        ons,
        HEADER
        + row(
            "Priya Shah;Tom Reid", "Head of LFS;Methods", "lfs@ons.example.org;t@x.org"
        ),
    )

    assert plan.rows[0].changes == ["contacts"]
    assert contacts_of(statistic) == [
        ("Priya Shah", "Head of LFS", "lfs@ons.example.org", ""),
        ("Tom Reid", "Methods", "t@x.org", ""),
    ]
    assert statistic.contacts.get(name="Priya Shah").user == account


def test_an_address_that_stopped_our_emails_stays_stopped_under_a_new_name(ons):
    from django.utils import timezone

    services.import_statistics(
        ons, HEADER + row("Priya Shah", "Survey lead", "lfs@ons.example.org")
    )
    statistic = Statistic.objects.get()
    stopped = timezone.now()
    statistic.contacts.update(emails_stopped_at=stopped)

    services.import_statistics(
        ons,
        HEADER
        + row("Dr Priya Shah;Tom Reid", "Lead;Methods", "LFS@ons.example.org;t@x.org"),
    )

    assert dict(statistic.contacts.values_list("name", "emails_stopped_at")) == {
        "Dr Priya Shah": stopped,
        "Tom Reid": None,
    }


def test_empty_contact_columns_keep_the_contacts_it_has(ons):
    services.import_statistics(
        ons, HEADER + row("Priya Shah", "Survey lead", "lfs@ons.example.org")
    )

    plan = services.import_statistics(ons, HEADER + row())

    assert plan.summary["unchanged"] == 1
    assert Statistic.objects.get().contacts.count() == 1


@pytest.mark.parametrize(
    ("contacts", "error"),
    [
        (("Priya Shah;Tom Reid", "Survey lead", "a@x.org;b@x.org"), "same order"),
        (("Priya Shah", "", "a@x.org"), "give the contact's name and role"),
        (("Priya Shah", "Lead", ""), "email address or phone number"),
        (("Priya Shah", "Lead", "not-an-address"), "is not an email address"),
        (("Priya Shah;=HYPERLINK(1)", "Lead;Lead", "a@x.org;b@x.org"), "formula"),
        (("Priya Shah", "Lead", "", "+44 20 7946 0000+SUM(1)"), "formula"),
        (("Priya Shah", "Lead", "", "@SUM(1)"), "formula"),
        (("P" * 201, "Lead", "a@x.org"), "longer than 200 characters"),
    ],
)
def test_a_bad_contact_is_an_error_of_its_row_and_nothing_is_written(
    ons, contacts, error
):
    plan = services.import_statistics(ons, HEADER + row(*contacts))

    assert error in " ".join(plan.rows[0].errors)
    assert not Statistic.objects.exists()


def test_the_admin_preview_says_the_contacts_change(client, ons_producer, ons):
    services.import_statistics(
        ons, HEADER + row("Priya Shah", "Survey lead", "lfs@ons.example.org")
    )
    client.force_login(ons_producer)

    html = upload(
        client, ons, HEADER + row("Tom Reid", "Methods", "t@ons.example.org")
    ).content.decode()

    assert "Updated: contacts" in html
    assert Statistic.objects.get().contacts.get().name == "Priya Shah"
