"""CSV and Excel downloads that are safe to open in a spreadsheet.

Spreadsheets run a cell that starts with =, +, -, @ (or their full-width forms, or
any of them after leading white space) as a formula ("CSV injection"), so text that
members typed is prefixed with a quote. Control characters are taken out first: a
spreadsheet drops them, and what they hid must not become a formula then.
"""

import csv
import re

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

# What neither a spreadsheet nor an Excel file can hold: control characters other
# than tab, line feed and carriage return.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A tab or a carriage return first is enough for some spreadsheets.
FORMULA_WHITE_SPACE = ("\t", "\r", "\n")
# Excel reads a CSV file without a byte-order mark as Windows-1252, garbling names.
BYTE_ORDER_MARK = "\ufeff"


def safe_cell(value):
    """The value as a spreadsheet shows it: text never starts a formula."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    value = CONTROL_CHARACTERS.sub("", value)
    if value.startswith(FORMULA_WHITE_SPACE) or value.lstrip().startswith(
        FORMULA_STARTS
    ):
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
