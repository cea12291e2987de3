import csv
import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import PageLogEntry

from consultations import exports, tasks
from consultations.factories import ResponseFactory
from consultations.models import ConsultationPage, ResponseExport
from consultations.services import publication
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def responses(consultation):
    return [
        ResponseFactory(
            consultation=consultation,
            answers={
                "how-often": "Every week",
                "agree-quarterly": "Disagree",
                "breakdowns": ["Region", "Age"],
                "impact": '=HYPERLINK("http://evil.example")',
            },
        ),
        ResponseFactory(
            consultation=consultation,
            answers={
                "how-often": "Every month",
                "agree-quarterly": "Disagree",
                "breakdowns": ["Region"],
                "impact": "Planning",
            },
        ),
        ResponseFactory(consultation=consultation, status="draft", answers={}),
    ]


def responses_url(consultation):
    return reverse("consultations_responses", args=[consultation.pk])


def test_producers_of_the_theme_see_counts_per_option(
    client, producer, consultation, responses
):
    client.force_login(producer)
    page = client.get(responses_url(consultation))
    assert page.status_code == 200
    total, summary = (
        page.context["total"],
        {
            question.id: (answered, options)
            for question, answered, options, _chart in page.context["summary"]
        },
    )
    assert total == 2
    assert summary["how-often"] == (
        2,
        [("Every week", 1, 50), ("Every month", 1, 50), ("Less often", 0, 0)],
    )
    assert summary["breakdowns"][1][0] == ("Region", 2, 100)
    assert summary["agree-quarterly"][1][3] == ("Disagree", 2, 100)
    assert summary["job"] == (0, [])
    content = page.content.decode()
    assert "1 not yet submitted" in content
    assert "Download CSV" in content
    # Each choice question's tally is a chart too, named and described.
    assert '<title id="chart-question-1-title">1. ' in content
    assert "the answer most chosen was" in content


def test_editors_see_every_consultations_responses(
    client, editor, consultation, responses
):
    client.force_login(editor)
    assert client.get(responses_url(consultation)).status_code == 200


@pytest.mark.parametrize("role", [Role.PRODUCER, Role.CHAIR])
def test_no_one_else_sees_them(client, editor, housing, labour, consultation, role):
    ResponseFactory(consultation=consultation, answers={"impact": "Secret"})
    other_theme_producer = appoint(housing, Role.PRODUCER, editor)
    same_theme_chair = appoint(labour, Role.CHAIR, editor)
    outsiders = [other_theme_producer, same_theme_chair]
    for person in outsiders:
        client.force_login(person)
        for url in [
            responses_url(consultation),
            responses_url(consultation) + "?export=csv",
            reverse(
                "consultations_response",
                args=[consultation.pk, consultation.responses.get().pk],
            ),
        ]:
            page = client.get(url)
            # Wagtail's admin sends a refusal to the dashboard with a message.
            assert page.status_code == 302
            assert b"Secret" not in page.content


def test_one_response_in_full(client, producer, consultation, responses):
    client.force_login(producer)
    page = client.get(
        reverse("consultations_response", args=[consultation.pk, responses[1].pk])
    )
    assert page.status_code == 200
    assert "Planning" in page.content.decode()
    draft = client.get(
        reverse("consultations_response", args=[consultation.pk, responses[2].pk])
    )
    assert draft.status_code == 404


def test_csv_holds_each_submitted_response_and_is_safe_to_open(
    client, producer, consultation, responses
):
    client.force_login(producer)
    download = client.get(responses_url(consultation) + "?export=csv")
    assert download["Content-Type"].startswith("text/csv")
    rows = list(
        csv.reader(
            io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))
        )
    )
    header, *body = rows
    assert header[:3] == ["response", "submitted at", "name"]
    assert "What would the change mean for your work?" in header
    assert len(body) == 2
    impact = header.index("What would the change mean for your work?")
    assert body[0][impact] == '\'=HYPERLINK("http://evil.example")'
    assert body[0][header.index("Which breakdowns do you need?")] == "Region; Age"
    assert PageLogEntry.objects.filter(
        page=consultation, action="consultations.export_responses"
    ).exists()


def test_excel_download_opens_with_the_same_rows(
    client, producer, consultation, responses
):
    client.force_login(producer)
    download = client.get(responses_url(consultation) + "?export=xlsx")
    assert download["Content-Type"] == exports.XLSX_TYPE
    sheet = load_workbook(io.BytesIO(download.content)).active
    rows = list(sheet.values)
    assert len(rows) == 3
    assert rows[1][2] == responses[0].user.public_name


def test_large_consultations_are_downloaded_in_the_background(
    client, producer, consultation, responses, monkeypatch, mailoutbox
):
    monkeypatch.setattr(exports, "INLINE_LIMIT", 1)
    client.force_login(producer)
    refused = client.get(responses_url(consultation) + "?export=csv", follow=True)
    assert b"too many to download at once" in refused.content
    assert not hasattr(refused, "streaming_content")

    client.post(responses_url(consultation), {"export": "xlsx"})
    export = ResponseExport.objects.get()
    assert export.is_ready  # the test task backend runs tasks at once
    assert export.row_count == 2
    page = client.get(responses_url(consultation)).content.decode()
    assert "download 2 responses" in page
    file = client.get(
        reverse("consultations_download", args=[consultation.pk, export.pk])
    )
    assert len(list(load_workbook(io.BytesIO(file.content)).active.values)) == 3
    assert f"{consultation.slug}-responses-" in file["Content-Disposition"]
    assert file["Content-Disposition"].endswith('.xlsx"')
    # The producer need not wait on the page: they are told when it is ready.
    [ready] = [m for m in mailoutbox if "is ready" in m.subject]
    assert ready.to == [producer.email]
    assert "The Excel download of 2 responses" in ready.body
    assert responses_url(consultation) in ready.body


def test_a_background_download_run_again_is_built_and_told_once(
    producer, consultation, responses, mailoutbox
):
    export = ResponseExport.objects.create(
        consultation=consultation, requested_by=producer, format="csv"
    )

    tasks.build_response_export.call(export.pk)
    tasks.build_response_export.call(export.pk)  # a second worker picks it up again

    assert len([m for m in mailoutbox if "is ready" in m.subject]) == 1
    export.refresh_from_db()
    assert export.is_ready and export.row_count == 2


def test_only_the_person_who_asked_gets_the_background_download(
    client, producer, editor, consultation, responses
):
    export = ResponseExport.objects.create(
        consultation=consultation, requested_by=editor, format="csv"
    )
    exports.build_export(export.pk)
    client.force_login(producer)
    url = reverse("consultations_download", args=[consultation.pk, export.pk])
    assert client.get(url).status_code == 404


def test_summary_keeps_to_a_query_budget(
    client, producer, consultation, django_assert_max_num_queries
):
    client.force_login(producer)
    ResponseFactory(consultation=consultation)
    client.get(responses_url(consultation))  # fills what the cache keeps
    with django_assert_max_num_queries(24) as few:
        client.get(responses_url(consultation))
    ResponseFactory.create_batch(30, consultation=consultation)
    with django_assert_max_num_queries(24) as many:
        client.get(responses_url(consultation))
    assert len(few) == len(many), len(few)


def response_url(response):
    return reverse(
        "consultations_response", args=[response.consultation_id, response.pk]
    )


def test_a_producer_withholds_a_response_from_publication_with_a_reason(
    client, producer, consultation, responses
):
    named, _, _ = responses
    client.force_login(producer)

    no_reason = client.post(response_url(named), {"reason": "  "})
    assert no_reason.status_code == 400
    assert "Say why you are withholding this response" in no_reason.content.decode()
    named.refresh_from_db()
    assert named.withheld_at is None

    client.post(response_url(named), {"reason": "Names a colleague."})
    named.refresh_from_db()
    assert named.withheld_at is not None
    assert named.withheld_reason == "Names a colleague."
    assert named not in consultation.responses.published()
    # It still counts, and the producer's downloads say it was withheld.
    assert named in consultation.responses.submitted()
    download = client.get(responses_url(consultation) + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(download).decode("utf-8-sig"))))
    assert rows[0]["publication"] == "Withheld from publication"
    entry = PageLogEntry.objects.get(action="consultations.withhold_response")
    assert entry.user == producer
    assert entry.data == {"response": named.pk, "reason": "Names a colleague."}

    client.post(response_url(named))
    named.refresh_from_db()
    assert named.withheld_at is None
    assert named in consultation.responses.published()


def test_the_public_page_says_how_many_were_withheld(
    client, producer, consultation, responses
):
    named, other, _ = responses
    publication.withhold_from_publication(named, producer, "Abusive.")
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
    )

    page = client.get(consultation.url + "responses/").content.decode()

    assert "withheld 1 response from publication" in page
    assert other.answers["impact"] in page
    assert "evil.example" not in page


def test_no_one_else_withholds_a_response(
    client, editor, housing, labour, consultation, responses
):
    named = responses[0]
    for outsider in [
        appoint(housing, Role.PRODUCER, editor),
        appoint(labour, Role.CHAIR, editor),
    ]:
        client.force_login(outsider)
        client.post(response_url(named), {"reason": "Not mine to say."})
        with pytest.raises(PermissionDenied):
            publication.withhold_from_publication(named, outsider, "Not mine to say.")
    named.refresh_from_db()
    assert named.withheld_at is None
    assert not PageLogEntry.objects.filter(
        action="consultations.withhold_response"
    ).exists()
