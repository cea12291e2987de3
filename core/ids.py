"""Ids in addresses and in forms: a positive whole number that fits any database.

Eighteen digits stay below SQLite's and PostgreSQL's largest integer, so a bigger
number is "no such thing" (a 404 or a form error), never an overflow (a 500).
"""

import re

ID_PATTERN = "[0-9]{1,18}"
MAX_ID = 10**18 - 1
ID = re.compile(ID_PATTERN)


class IdConverter:
    """`<id:pk>` in a route: Django answers 404 for anything else, before the view."""

    regex = ID_PATTERN

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


def as_id(value):
    """The value as an id, or None for anything that cannot be one."""
    if isinstance(value, str) and ID.fullmatch(value) and int(value) > 0:
        return int(value)
    return None


def id_from(data, name):
    """The id sent as `name` in request.GET or request.POST, or None."""
    return as_id(data.get(name))
