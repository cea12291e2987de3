"""CSV downloads that are safe to open in a spreadsheet.

Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return as a
formula ("CSV injection"), so text that members typed is prefixed with a quote.
"""

import csv

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a CSV file without a byte-order mark as Windows-1252, garbling names.
BYTE_ORDER_MARK = "\ufeff"


def safe_cell(value):
    """The value as a spreadsheet shows it: text never starts a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    """A file whose write() hands the line back, so csv.writer can stream."""

    def write(self, line):
        return line


def csv_lines(header, rows):
    writer = csv.writer(_Echo())
    yield BYTE_ORDER_MARK + writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def csv_response(filename, header, rows):
    """Stream rows (any iterable, e.g. a lazy queryset) as a CSV download."""
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
