"""The API's filters are the lists' own forms: the same names, values and rules.

A page drops a value that is not an option (a hostile link shows the list
unfiltered); a program is told instead, with a 400 naming the parameter and why.
"""

from django import forms
from rest_framework.exceptions import ValidationError

from accounts.models import Organisation
from forums.forms import ThreadFilters
from themes.forms import ThemeFilters
from themes.roles import public_themes


def chosen(form):
    """The form's valid, non-empty filters; a 400 for any value it refuses."""
    if not form.is_valid():
        raise ValidationError(
            {
                name: [str(error) for error in errors]
                for name, errors in form.errors.items()
            }
        )
    return form.chosen()


def themes():
    """The themes a list across themes offers: the public ones, by title."""
    return list(public_themes().order_by("title"))


class ThreadListFilters(ThemeFilters, ThreadFilters):
    """A theme's discussions' filters (sort, topic), across the themes."""


class ThemeOnlyFilters(ThemeFilters):
    """Lists the site shows theme by theme (its contacts)."""


class OrganisationFilters(ThemeFilters):
    kind = forms.ChoiceField(
        required=False, choices=[("", "Any kind"), *Organisation.Kind.choices]
    )
