"""Reading a producer's list of statistics from CSV, and what importing it would
change: each row created, updated or unchanged, or refused with its errors.

A re-import finds each row's statistic by the producer's own id, or else by its
slug, so importing the same file twice changes nothing. Hostile files are refused
before any row is read (too big, not UTF-8, not CSV), and cells that a
spreadsheet would run as a formula, or that hide control characters, are errors
of their row.

A row may name the statistic's contacts: `contact_name`, `contact_role`,
`contact_email` and `contact_phone`, several separated by semicolons in the same
order. Named, they replace its contacts (one with the same name and email keeps
its link to an account); left empty, its contacts stay as they are.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from catalogue.models import Cadence, Statistic, StatisticContact, Status
from core.csv import CONTROL_CHARACTERS, FORMULA_STARTS, FORMULA_WHITE_SPACE
from core.translation import of_record
from themes.models import ThemePage

MAX_BYTES = 1_000_000
MAX_ROWS = 2_000
MAX_CELL = 2_000
COLUMNS = [
    "name",
    "slug",
    "producer_id",
    "description",
    "status",
    "cadence",
    "next_release",
    "themes",
    "producer_url",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
]
CONTACT_COLUMNS = ["contact_name", "contact_role", "contact_email", "contact_phone"]
# One or more phone numbers in international form, separated by semicolons.
INTERNATIONAL_PHONES = re.compile(r"\+[0-9][0-9 ()-]*(;\s*\+?[0-9][0-9 ()-]*)*")
REQUIRED = ["name", "description", "status", "cadence", "producer_url"]
# The fields a row sets, in the model's words.
FIELDS = [
    "name",
    "slug",
    "producer_reference",
    "description",
    "status",
    "cadence",
    "next_release",
    "producer_url",
]


class ImportRefused(Exception):
    """The file as a whole cannot be read: nothing in it is looked at."""


@dataclass
class Row:
    line: int
    cells: dict
    values: dict = field(default_factory=dict)
    themes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    statistic: Statistic | None = None
    changes: list = field(default_factory=list)
    # (name, role, email, phone) of each contact named; None: keep the ones it has.
    contacts: list | None = None

    @property
    def action(self):
        if self.errors:
            return "error"
        if self.statistic is None:
            return "create"
        return "update" if self.changes else "unchanged"


@dataclass
class ImportPlan:
    producer: object
    rows: list

    @property
    def has_errors(self):
        return any(row.errors for row in self.rows)

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def summary(self):
        return {
            action: self.count(action)
            for action in ("create", "update", "unchanged", "error")
        }


def decode(data):
    """The file's text, or ImportRefused saying why not."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            _("The file is larger than %(size)s MB. Split it into smaller files.")
            % {"size": MAX_BYTES // 1_000_000}
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            _(
                "The file is not UTF-8 text. Save it from your spreadsheet as "
                "'CSV UTF-8'."
            )
        ) from None


def read_rows(text):
    """The rows of a CSV text, each a dict by column, or ImportRefused."""
    if "\x00" in text:
        raise ImportRefused(_("The file is not a CSV file: it holds binary data."))
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [name.strip().lower() for name in reader.fieldnames or []]
        missing = [column for column in REQUIRED if column not in header]
        if not header or missing:
            raise ImportRefused(
                _(
                    "The first row must name the columns. Missing: %(missing)s. The "
                    "columns are: %(columns)s."
                )
                % {
                    "missing": ", ".join(missing or REQUIRED),
                    "columns": ", ".join(COLUMNS),
                }
            )
        reader.fieldnames = header
        rows = []
        for cells in reader:
            if len(rows) == MAX_ROWS:
                raise ImportRefused(
                    _(
                        "The file has more than %(rows)s rows. Split it into smaller "
                        "files."
                    )
                    % {"rows": f"{MAX_ROWS:,}"}
                )
            if not any((value or "").strip() for value in cells.values()):
                continue
            rows.append(Row(line=reader.line_num, cells=_cells(cells)))
    except csv.Error as error:
        raise ImportRefused(
            _("The file is not a CSV file we can read: %(error)s.") % {"error": error}
        ) from None
    if not rows:
        raise ImportRefused(_("The file has no rows under its column names."))
    return rows


def _cells(cells):
    # Extra cells beyond the header land under None: they are ignored.
    return {
        name: (value if isinstance(value, str) else "").strip()
        for name, value in cells.items()
        if name in COLUMNS
    }


def plan(producer, rows):
    """What importing `rows` for `producer` would do, row by row; changes nothing."""
    themes = {theme.slug: theme for theme in ThemePage.objects.all()}
    # Welsh translations are matched through their English rows, never on their own.
    existing = list(of_record(Statistic.objects).prefetch_related("themes", "contacts"))
    by_reference = {
        s.producer_reference: s
        for s in existing
        if s.producer_id == producer.pk and s.producer_reference
    }
    by_slug = {s.slug: s for s in existing}
    seen = {"slug": {}, "producer_reference": {}}
    for row in rows:
        _check(row, themes)
        if row.errors:
            continue
        _match(row, producer, by_reference, by_slug, seen)
    return ImportPlan(producer=producer, rows=rows)


def _runs_as_formula(column, value):
    """Whether a spreadsheet would run the text; an international phone number
    (+44 20 7946 0000) starts as a formula does but holds nothing to run."""
    if column == "contact_phone" and INTERNATIONAL_PHONES.fullmatch(value):
        return False
    return value.startswith(FORMULA_WHITE_SPACE) or value.startswith(FORMULA_STARTS)


def _check(row, themes):
    for column, value in row.cells.items():
        if CONTROL_CHARACTERS.search(value):
            row.errors.append(
                _("%(column)s: remove the hidden control characters.")
                % {"column": column}
            )
        elif _runs_as_formula(column, value):
            row.errors.append(
                _(
                    "%(column)s: a cell may not start with %(start)s, which a "
                    "spreadsheet runs as a formula."
                )
                % {"column": column, "start": repr(value[0])}
            )
        elif len(value) > MAX_CELL:
            row.errors.append(
                _("%(column)s: longer than %(limit)s characters.")
                % {"column": column, "limit": f"{MAX_CELL:,}"}
            )
    if row.errors:
        return
    cells = row.cells
    for column in REQUIRED:
        if not cells.get(column):
            row.errors.append(_("%(column)s: enter a value.") % {"column": column})
    values = {
        "name": cells.get("name", ""),
        "slug": cells.get("slug", "") or Statistic.slug_for(cells.get("name", "")),
        "producer_reference": cells.get("producer_id", ""),
        "description": cells.get("description", ""),
        "producer_url": cells.get("producer_url", ""),
        "status": _choice(row, "status", Status),
        "cadence": _choice(row, "cadence", Cadence),
        "next_release": _date(row, cells.get("next_release", "")),
    }
    limits = {
        name: Statistic._meta.get_field(name).max_length
        for name in ("name", "slug", "producer_reference", "description")
    }
    for name, limit in limits.items():
        if len(values[name]) > limit:
            row.errors.append(
                _("%(column)s: longer than %(limit)s characters.")
                % {"column": name, "limit": limit}
            )
    if values["name"] and not values["slug"]:
        row.errors.append(_("slug: enter one: the name has no letters or numbers."))
    elif values["slug"] and slugify(values["slug"]) != values["slug"]:
        row.errors.append(
            _(
                "slug: use only lower-case letters, numbers and hyphens, such as "
                "'labour-force-survey'."
            )
        )
    if values["producer_url"]:
        try:
            URLValidator(schemes=["https", "http"])(values["producer_url"])
        except ValidationError:
            row.errors.append(
                _(
                    "producer_url: enter the full address of the producer's page, "
                    "starting https://."
                )
            )
    row.themes = []
    for slug in filter(None, (s.strip() for s in cells.get("themes", "").split(";"))):
        if slug in themes:
            row.themes.append(themes[slug])
        else:
            row.errors.append(
                _("themes: there is no theme '%(slug)s'.") % {"slug": slug}
            )
    row.contacts = _contacts(row)
    row.values = values


def _contacts(row):
    """The row's contacts, each (name, role, email, phone), or None if it names
    none; a problem with any is an error of the row."""
    lists = {
        column: [part.strip() for part in row.cells.get(column, "").split(";")]
        for column in CONTACT_COLUMNS
    }
    if not any(any(parts) for parts in lists.values()):
        return None
    count = len(lists["contact_name"])
    # A column left empty gives nothing for every contact.
    lists = {
        column: parts if parts != [""] else [""] * count
        for column, parts in lists.items()
    }
    if any(len(parts) != count for parts in lists.values()):
        row.errors.append(
            _(
                "contact_name: give each contact's role, and any email and phone, in "
                "the same order as the names, separated by semicolons."
            )
        )
        return None
    limits = {
        column: StatisticContact._meta.get_field(
            column.removeprefix("contact_")
        ).max_length
        for column in CONTACT_COLUMNS
    }
    contacts = []
    for position in range(count):
        name, role, email, phone = (
            lists[column][position] for column in CONTACT_COLUMNS
        )
        if count > 1:
            which = {"position": position + 1}
            no_name = _("contact_name: give contact %(position)s's name and role.")
            no_way = _(
                "contact_email: give contact %(position)s's email address or phone "
                "number."
            )
        else:
            which = {}
            no_name = _("contact_name: give the contact's name and role.")
            no_way = _(
                "contact_email: give the contact's email address or phone number."
            )
        if not name or not role:
            row.errors.append(no_name % which if which else no_name)
        if not (email or phone):
            row.errors.append(no_way % which if which else no_way)
        for column, value in zip(
            CONTACT_COLUMNS, (name, role, email, phone), strict=True
        ):
            if len(value) > limits[column]:
                row.errors.append(
                    _("%(column)s: longer than %(limit)s characters.")
                    % {"column": column, "limit": limits[column]}
                )
            # Each of several in a cell is a cell of its own to a spreadsheet.
            if _runs_as_formula(column, value):
                row.errors.append(
                    _(
                        "%(column)s: '%(value)s' may not start with %(start)s, which a "
                        "spreadsheet runs as a formula."
                    )
                    % {"column": column, "value": value, "start": repr(value[0])}
                )
        if email:
            try:
                EmailValidator()(email)
            except ValidationError:
                row.errors.append(
                    _("contact_email: '%(email)s' is not an email address.")
                    % {"email": email}
                )
        contacts.append((name, role, email, phone))
    return contacts


def _choice(row, column, choices):
    given = row.cells.get(column, "")
    if not given:
        return ""
    # The file is written with the English labels, whatever the editor's language.
    with translation.override(None):
        labels = [(value, str(label)) for value, label in choices.choices]
    for value, label in labels:
        if given.lower() in (value, label.lower()):
            return value
    row.errors.append(
        _("%(column)s: '%(given)s' is not one of: %(labels)s.")
        % {
            "column": column,
            "given": given,
            "labels": "; ".join(label for _value, label in labels),
        }
    )
    return ""


def _date(row, given):
    if not given:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(given, pattern).date()
        except ValueError:
            continue
    row.errors.append(
        _(
            "next_release: '%(given)s' is not a date. Write it as 2027-01-31 or "
            "31/01/2027."
        )
        % {"given": given}
    )
    return None


def _match(row, producer, by_reference, by_slug, seen):
    values = row.values
    for key in ("producer_reference", "slug"):
        if values[key] and values[key] in seen[key]:
            row.errors.append(
                _("%(column)s: the same as row %(row)s's.")
                % {
                    "column": "producer_id" if key == "producer_reference" else key,
                    "row": seen[key][values[key]],
                }
            )
            return
    for key in ("producer_reference", "slug"):
        if values[key]:
            seen[key][values[key]] = row.line
    statistic = by_reference.get(values["producer_reference"]) or by_slug.get(
        values["slug"]
    )
    if statistic is not None and statistic.producer_id != producer.pk:
        row.errors.append(
            _(
                "slug: '%(slug)s' is the address of another producer's statistic. "
                "Choose another slug."
            )
            % {"slug": values["slug"]}
        )
        return
    if statistic is not None and by_slug.get(values["slug"]) not in (None, statistic):
        row.errors.append(
            _("slug: '%(slug)s' is already the address of '%(name)s'.")
            % {"slug": values["slug"], "name": by_slug[values["slug"]].name}
        )
        return
    row.statistic = statistic
    if statistic is not None:
        row.changes = [
            name for name in FIELDS if getattr(statistic, name) != values[name]
        ]
        if {t.pk for t in statistic.themes.all()} != {t.pk for t in row.themes}:
            row.changes.append("themes")
        if row.contacts is not None and row.contacts != contacts_of(statistic):
            row.changes.append("contacts")


def contacts_of(statistic):
    return [
        (contact.name, contact.role, contact.email, contact.phone)
        for contact in statistic.contacts.all()
    ]
