"""A producer's list of statistics from CSV: a preview of what would change with
each row's errors beside it, all rows or none, the same file twice changes
nothing, and hostile files refused cleanly."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from catalogue import imports, services
from catalogue.models import Statistic

pytestmark = pytest.mark.django_db

IMPORT = "wagtailsnippets_catalogue_statistic:import"
HEADER = ",".join(imports.COLUMNS) + "\n"
LFS = (
    "Labour Force Survey,labour-force-survey,LFS01,Employment and unemployment,"
    "Accredited official statistics,quarterly,2027-02-17,housing,"
    "https://www.ons.gov.uk/lfs\n"
)
APS = (
    "Annual Population Survey,,APS,Employment by local authority,official,"
    "Annual,17/04/2027,,https://www.ons.gov.uk/aps\n"
)


def test_a_file_is_planned_row_by_row_and_written_only_when_asked(ons, housing):
    plan = services.import_statistics(ons, HEADER + LFS + APS, commit=False)

    assert plan.summary == {"create": 2, "update": 0, "unchanged": 0, "error": 0}
    assert not Statistic.objects.exists()

    services.import_statistics(ons, HEADER + LFS + APS)

    lfs = Statistic.objects.get(slug="labour-force-survey")
    assert lfs.producer == ons
    assert lfs.status == "accredited"
    assert str(lfs.next_release) == "2027-02-17"
    assert list(lfs.themes.all()) == [housing]
    assert Statistic.objects.get(producer_reference="APS").slug == (
        "annual-population-survey"
    )


def test_importing_the_same_file_again_changes_nothing(ons, housing):
    services.import_statistics(ons, HEADER + LFS + APS)

    plan = services.import_statistics(ons, HEADER + LFS + APS)

    assert plan.summary == {"create": 0, "update": 0, "unchanged": 2, "error": 0}
    assert Statistic.objects.count() == 2


def test_a_row_is_matched_by_the_producers_own_id_even_when_renamed(ons, housing):
    services.import_statistics(ons, HEADER + LFS)
    renamed = LFS.replace("Labour Force Survey,labour-force-survey", "LFS,lfs")

    plan = services.import_statistics(ons, HEADER + renamed)

    assert plan.rows[0].action == "update"
    assert set(plan.rows[0].changes) == {"name", "slug"}
    assert Statistic.objects.get().slug == "lfs"


def test_one_bad_row_means_nothing_is_written(ons, housing):
    bad = APS.replace("official", "very official")

    plan = services.import_statistics(ons, HEADER + LFS + bad)

    assert plan.has_errors
    assert plan.rows[0].action == "create"
    assert plan.rows[1].line == 3
    assert "status: 'very official' is not one of" in plan.rows[1].errors[0]
    assert not Statistic.objects.exists()


@pytest.mark.parametrize(
    ("cell", "error"),
    [
        ('=HYPERLINK("http://evil.example")', "runs as a formula"),
        ("+1+1", "runs as a formula"),
        ("@SUM(A1)", "runs as a formula"),
        ("Labour\x07Force", "control characters"),
    ],
)
def test_hostile_cells_are_errors_of_their_row(ons, housing, cell, error):
    quoted = '"' + cell.replace('"', '""') + '"'
    row = LFS.replace("Employment and unemployment", quoted)

    plan = services.import_statistics(ons, HEADER + row)

    assert error in " ".join(plan.rows[0].errors)
    assert not Statistic.objects.exists()


def test_unknown_themes_and_bad_addresses_and_dates_are_named(ons):
    row = LFS.replace("housing", "astrology").replace("2027-02-17", "soon")
    row = row.replace("https://www.ons.gov.uk/lfs", "javascript:alert(1)")

    errors = " ".join(services.import_statistics(ons, HEADER + row).rows[0].errors)

    assert "there is no theme 'astrology'" in errors
    assert "'soon' is not a date" in errors
    assert "producer_url: enter the full address" in errors


def test_a_slug_of_another_producers_statistic_is_refused(ons, dluhc, ehs, housing):
    row = LFS.replace("labour-force-survey", "english-housing-survey")

    plan = services.import_statistics(ons, HEADER + row)

    assert "another producer's statistic" in plan.rows[0].errors[0]
    ehs.refresh_from_db()
    assert ehs.producer == dluhc


def test_a_name_without_letters_needs_a_slug(ons, housing):
    row = LFS.replace("Labour Force Survey,labour-force-survey", "***,")

    plan = services.import_statistics(ons, HEADER + row)

    assert "slug: enter one" in plan.rows[0].errors[0]


def test_the_same_slug_twice_in_one_file_is_an_error(ons, housing):
    plan = services.import_statistics(ons, HEADER + LFS + LFS, commit=False)

    assert "the same as row 2's" in plan.rows[1].errors[0]


@pytest.mark.parametrize(
    ("data", "refusal"),
    [
        (b"x" * (imports.MAX_BYTES + 1), "larger than 1 MB"),
        ("name\n".encode("utf-16"), "not UTF-8"),
    ],
)
def test_files_too_big_or_not_text_are_refused_before_reading(data, refusal):
    with pytest.raises(imports.ImportRefused, match=refusal):
        imports.decode(data)


def test_a_file_without_the_columns_or_rows_is_refused(ons):
    with pytest.raises(imports.ImportRefused, match="Missing: description"):
        services.import_statistics(ons, "name,status\nLFS,official\n")
    with pytest.raises(imports.ImportRefused, match="no rows"):
        services.import_statistics(ons, HEADER)
    with pytest.raises(imports.ImportRefused, match="binary"):
        services.import_statistics(ons, HEADER + "\x00")


def test_too_many_rows_are_refused(ons, housing):
    rows = "".join(
        LFS.replace("labour-force-survey", f"s{n}").replace("LFS01", f"r{n}")
        for n in range(imports.MAX_ROWS + 1)
    )
    with pytest.raises(imports.ImportRefused, match="more than 2,000 rows"):
        services.import_statistics(ons, HEADER + rows, commit=False)


def test_a_producer_cannot_import_for_another_organisation(ons_producer, dluhc):
    with pytest.raises(services.PermissionDenied):
        services.import_statistics(dluhc, HEADER + LFS, user=ons_producer)


# In the admin


def upload(client, producer, text, **extra):
    return client.post(
        reverse(IMPORT),
        {
            "producer": producer.pk,
            "csv_file": SimpleUploadedFile("list.csv", text.encode(), "text/csv"),
            **extra,
        },
    )


def test_a_producer_previews_then_imports_in_the_admin(client, ons_producer, ons):
    client.force_login(ons_producer)

    preview = upload(client, ons, HEADER + LFS + APS)

    html = preview.content.decode()
    assert preview.status_code == 200
    assert "2 to add" in html
    assert "Import these statistics" in html
    assert not Statistic.objects.exists()

    done = client.post(
        reverse(IMPORT),
        {"producer": ons.pk, "text": HEADER + LFS + APS, "confirm": "1"},
    )

    assert done.status_code == 302
    assert Statistic.objects.count() == 2


def test_the_admin_shows_each_rows_errors_beside_it_and_offers_no_import(
    client, ons_producer, ons
):
    client.force_login(ons_producer)

    response = upload(client, ons, HEADER + LFS.replace("quarterly", "hourly"))

    html = response.content.decode()
    assert "cadence: &#x27;hourly&#x27; is not one of" in html
    assert "Nothing was imported" in html
    assert "Import these statistics" not in html


def test_the_admin_refuses_an_unreadable_file_next_to_the_field(
    client, ons_producer, ons
):
    client.force_login(ons_producer)

    response = upload(client, ons, "just some words")

    assert response.status_code == 200
    assert "The first row must name the columns" in response.content.decode()


def test_a_hostile_clear_box_is_no_file(client, ons_producer, ons):
    client.force_login(ons_producer)

    response = client.post(
        reverse(IMPORT), {"producer": ons.pk, "csv_file": "", "csv_file-clear": "-1"}
    )

    assert response.status_code == 200
    assert "Choose a CSV file to import." in response.content.decode()


def test_a_producer_is_offered_only_their_own_organisation(client, ons_producer, dluhc):
    client.force_login(ons_producer)

    response = upload(client, dluhc, HEADER + LFS)

    assert "Select a valid choice" in response.content.decode()
    assert not Statistic.objects.exists()


def test_a_member_without_a_producer_role_cannot_open_the_import(client, lfs):
    from accounts.factories import UserFactory

    client.force_login(UserFactory(is_staff=False))

    assert client.get(reverse(IMPORT)).status_code == 302


def test_the_management_command_imports_a_file(ons, housing, tmp_path, capsys):
    path = tmp_path / "ons.csv"
    path.write_text(HEADER + LFS + APS, encoding="utf-8")

    call_command("import_statistics", str(path), producer="ONS")

    assert Statistic.objects.count() == 2
    assert "2 added, 0 updated, 0 unchanged" in capsys.readouterr().out
