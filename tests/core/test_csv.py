import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from core.csv import csv_lines, safe_cell

CONTROL_CHARACTERS = [chr(code) for code in [*range(0x00, 0x20), 0x7F]]
FORMULAS = [
    '=HYPERLINK("http://evil.example","Click")',
    "+1+1",
    "-1+1",
    "@SUM(A1:A9)",
    "\uff1d1+1",
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"!A0")',
]
PAYLOADS = [
    *(control + formula for control in CONTROL_CHARACTERS for formula in FORMULAS),
    *(
        space + formula
        for space in [" ", "  ", "\t", "\r", "\n", "\u3000"]
        for formula in FORMULAS
    ),
]


@pytest.mark.parametrize("typed", PAYLOADS)
def test_no_text_starts_a_formula_once_control_characters_are_gone(typed):
    written = safe_cell(typed)
    assert written.startswith("'")
    assert not any(
        character in written
        for character in CONTROL_CHARACTERS
        if character not in "\t\r\n"
    )


def test_a_csv_file_carries_no_formula():
    text = "".join(csv_lines(["answer"], [[payload] for payload in PAYLOADS]))
    _, *rows = csv.reader(io.StringIO(text))
    assert len(rows) == len(PAYLOADS)
    assert all(cell.startswith("'") for [cell] in rows)


def test_an_excel_file_carries_no_formula():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Responses")
    for payload in PAYLOADS:
        sheet.append([safe_cell(payload)])
    buffer = io.BytesIO()
    workbook.save(buffer)

    cells = list(load_workbook(buffer)["Responses"].iter_rows())
    assert len(cells) == len(PAYLOADS)
    assert all(cell.data_type != "f" for row in cells for cell in row)


def test_plain_text_and_numbers_are_left_alone():
    assert safe_cell("a=1") == "a=1"
    assert safe_cell(" plain words") == " plain words"
    assert safe_cell(-3) == -3
