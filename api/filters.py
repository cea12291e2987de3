"""The API's filters are the lists' own forms: the same names, values and rules.

A page drops a value that is not an option (a hostile link shows the list
unfiltered); a program is told instead: a 400 naming the parameter and why, or,
for a well-formed name of something that is not there (a theme that is not
public, an organisation or topic no gap has), a 404, as an address naming nothing.
"""

import re

from django import forms
from rest_framework.exceptions import NotFound, ValidationError

from accounts.models import Organisation
from core.ids import MAX_ID, as_id
from forums.forms import ThreadFilters
from themes.forms import ThemeFilters
from themes.roles import public_themes

SLUG = "^[-a-zA-Z0-9_]+$"
# The filters that name something, how they are written, and what they name.
NAMING = {
    "theme": (lambda value: re.fullmatch(SLUG, value), "public theme"),
    "tag": (lambda value: re.fullmatch(SLUG, value), "topic in use"),
    "organisation": (as_id, "organisation owning a data gap"),
    "producer": (as_id, "producer of a statistic"),
}
# The schema of each naming filter, for the OpenAPI document.
SLUG_SCHEMA = {"type": "string", "pattern": SLUG}
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": MAX_ID}


# /api/v2/contacts/ names organisations and statistics that have contacts.
CONTACT_NAMING = {
    **NAMING,
    "organisation": (as_id, "organisation with contacts"),
    "statistic": (lambda value: re.fullmatch(SLUG, value), "statistic with contacts"),
}


def chosen(form, naming=NAMING):
    """The form's valid, non-empty filters; a 400 for any value it refuses, a 404
    for a name of nothing."""
    if form.is_valid():
        return form.chosen()
    refused = {
        name: [str(error) for error in errors] for name, errors in form.errors.items()
    }
    names_of_nothing = [
        f"{naming[name][1]} “{form.data[name]}”"
        for name in refused
        if name in naming and naming[name][0](form.data.get(name, ""))
    ]
    if len(names_of_nothing) == len(refused):
        raise NotFound(f"There is no {' and no '.join(names_of_nothing)}.")
    raise ValidationError(refused)


def themes():
    """The themes a list across themes offers: the public ones, by title."""
    return list(public_themes().order_by("title"))


class ThreadListFilters(ThemeFilters, ThreadFilters):
    """A theme's discussions' filters (sort, topic), across the themes."""


class OrganisationFilters(ThemeFilters):
    kind = forms.ChoiceField(
        required=False, choices=[("", "Any kind"), *Organisation.Kind.choices]
    )
