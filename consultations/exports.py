"""Responses as CSV or Excel: streamed when small, built in the background when large.

Both hold exactly the submitted responses, one row each, one column per question as
it was asked. Text members typed can never start a spreadsheet formula.
"""

import io
from collections import Counter

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from core.charts import Figure
from core.csv import csv_lines, csv_response, safe_cell

# Above this many responses a download is built in the background.
INLINE_LIMIT = 1000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DETAILS = [
    "response",
    "submitted at",
    "name",
    "email",
    "responding as",
    "organisation",
    "publication",
]


def header(consultation):
    return DETAILS + [question.question for question in consultation.all_questions]


def rows(consultation):
    questions = consultation.all_questions
    responses = (
        consultation.responses.submitted()
        .select_related("user")
        .order_by("submitted_at", "pk")
        .iterator(chunk_size=500)
    )
    for response in responses:
        yield [
            response.pk,
            timezone.localtime(response.submitted_at).isoformat(timespec="seconds"),
            response.respondent_name,
            response.respondent_email,
            response.get_respond_as_display(),
            response.organisation_name,
            response.publication_status,
            *(q.display(response.answers.get(q.id)) for q in questions),
        ]


def filename(consultation, format, day=None):
    day = day or timezone.localdate()
    return f"{consultation.slug}-responses-{day:%Y-%m-%d}.{format}"


def write_xlsx(consultation, file):
    # Write-only mode keeps one row in memory at a time.
    # Here, not at the top: only the worker builds workbooks, and openpyxl would
    # cost every web worker its memory (bench/README.md, Worker memory).
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Responses")
    sheet.append([safe_cell(cell) for cell in header(consultation)])
    for row in rows(consultation):
        sheet.append([safe_cell(cell) for cell in row])
    workbook.save(file)


def csv_download(consultation):
    return csv_response(
        filename(consultation, "csv"), header(consultation), rows(consultation)
    )


def xlsx_download(consultation):
    buffer = io.BytesIO()
    write_xlsx(consultation, buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        True, filename(consultation, "xlsx")
    )
    return response


def build_export(export_id):
    from consultations.models import ResponseExport

    export = ResponseExport.objects.select_related("consultation").get(pk=export_id)
    consultation = export.consultation.specific
    buffer = io.BytesIO()
    if export.format == ResponseExport.Format.XLSX:
        write_xlsx(consultation, buffer)
    else:
        for line in csv_lines(header(consultation), rows(consultation)):
            buffer.write(line.encode())
    export.content = buffer.getvalue()
    export.row_count = consultation.responses.submitted().count()
    export.completed_at = timezone.now()
    export.save()
    return export


def export_download(export):
    content_type = XLSX_TYPE if export.format == "xlsx" else "text/csv; charset=utf-8"
    response = HttpResponse(bytes(export.content), content_type=content_type)
    name = filename(
        export.consultation,
        export.format,
        timezone.localdate(export.requested_at),
    )
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def option_counts(consultation, responses=None):
    """For each question: how many answered, and for choices, each option's count
    (of the submitted responses, or of `responses`, the published ones).

    One query, whatever the number of responses.
    """
    questions = consultation.all_questions
    answered = Counter()
    chosen = {question.id: Counter() for question in questions if question.is_choice}
    if responses is None:
        responses = consultation.responses.submitted()
    answers = responses.values_list("answers", flat=True)
    for answer_set in answers.iterator(chunk_size=2000):
        for question_id, answer in answer_set.items():
            if not answer:
                continue
            answered[question_id] += 1
            if question_id in chosen:
                picks = answer if isinstance(answer, list) else [answer]
                chosen[question_id].update(picks)
    summary = []
    for question in questions:
        options = []
        if question.is_choice:
            count_of = chosen[question.id]
            base = answered[question.id] or 1
            options = [
                (option, count_of[option], round(100 * count_of[option] / base))
                for option in question.options
            ]
        summary.append((question, answered[question.id], options))
    return summary


def with_charts(summary):
    """option_counts' rows, each with its choice question's tally as a figure to
    chart (None for a question with no options or no answers)."""
    rows = []
    for number, (question, answered, options) in enumerate(summary, start=1):
        figure = None
        if options and answered:
            # Options on the agreement scale are the site's words, in the reader's
            # language; the others are the producer's.
            options = [
                (question.display(option), count, percent)
                for option, count, percent in options
            ]
            top = max(options, key=lambda option: option[1])
            figure = Figure(
                f"question-{number}",
                f"{number}. {question.question}",
                gettext(
                    "%(answered)s answered; the answer most chosen was “%(answer)s”, "
                    "by %(count)s (%(percent)s%%)."
                )
                % {
                    "answered": answered,
                    "answer": top[0],
                    "count": top[1],
                    "percent": top[2],
                },
                (
                    gettext("Answer"),
                    gettext("Responses"),
                    gettext("Share of those answering"),
                ),
                [(option, count, f"{percent}%") for option, count, percent in options],
            )
        rows.append((question, answered, options, figure))
    return rows
