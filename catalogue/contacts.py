"""/contacts/: everyone named as a contact, the themes' and the statistics', in one
list. One rule for who is listed: a theme's contacts while its page is public (its
page shows them, email address included); a statistic's always, as its page does.
Nobody's address is listed that the site does not already show."""

from django import forms
from django.db.models import Q, Value
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from catalogue.models import Statistic, StatisticContact
from core.translation import (
    in_reading_order,
    localize,
    of_record,
    titled_in_language,
)
from themes.forms import ThemeFilters
from themes.models import ThemeContact
from themes.roles import public_themes

THEME = "theme"
STATISTIC = "statistic"


class ContactFilters(ThemeFilters):
    """The contacts list's filters: theme, organisation, statistic and words."""

    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    statistic = forms.ChoiceField(label=_("Statistic"), required=False)
    q = forms.CharField(
        label=_("Name, role or subject"),
        max_length=100,
        required=False,
        strip=True,
    )

    def __init__(self, *args, organisations, statistics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [
            ("", _("Any organisation")),
            *((str(each.pk), each.localized.name) for each in organisations),
        ]
        self.fields["statistic"].choices = [
            ("", _("Any statistic")),
            *((statistic.slug, statistic.localized.name) for statistic in statistics),
        ]


def theme_contacts():
    """Theme contacts anyone may read: those of public themes."""
    return ThemeContact.objects.filter(theme__in=public_themes())


def filter_choices():
    """What the filters offer: public themes, and the organisations and statistics
    of record that have someone listed, named in the reader's language."""
    organisations = (
        of_record(Organisation.objects)
        .filter(
            Q(pk__in=theme_contacts().values("organisation"))
            | Q(statistics__contacts__isnull=False)
        )
        .distinct()
        .order_by("name")
    )
    statistics = (
        of_record(Statistic.objects)
        .filter(contacts__isnull=False)
        .distinct()
        .order_by("name")
    )
    organisations, statistics = list(organisations), list(statistics)
    localize([*organisations, *statistics])
    return {
        "themes": list(public_themes().order_by("title")),
        # In the order of the names shown, once they are found.
        "organisations": in_reading_order(organisations, name_shown),
        "statistics": in_reading_order(statistics, name_shown),
    }


def name_shown(snippet):
    return snippet.localized.name


def listed_contacts(chosen, theme=None):
    """The contacts `chosen` (ContactFilters.chosen()) asks for, by name, as rows of
    (kind, pk, name): a union the page pages through, and `contacts_for` fills."""
    by_theme = theme_contacts()
    by_statistic = StatisticContact.objects.all()
    if theme is not None:
        by_theme = by_theme.filter(theme=theme)
        by_statistic = by_statistic.filter(statistic__themes=theme)
    if organisation := chosen.get("organisation"):
        by_theme = by_theme.filter(organisation_id=organisation)
        by_statistic = by_statistic.filter(statistic__producer_id=organisation)
    if statistic := chosen.get("statistic"):
        # A statistic's own contacts: theme contacts name no statistic.
        by_theme = by_theme.none()
        by_statistic = by_statistic.filter(statistic__slug=statistic)
    if words := chosen.get("q"):
        by_theme = by_theme.filter(
            Q(name__icontains=words)
            | Q(role__icontains=words)
            | Q(responsible_for__icontains=words)
            | Q(organisation__name__icontains=words)
            | Q(theme__title__icontains=words)
        )
        by_statistic = by_statistic.filter(
            Q(name__icontains=words)
            | Q(role__icontains=words)
            | Q(statistic__name__icontains=words)
            | Q(statistic__producer__name__icontains=words)
        )
    # Each side unordered (Orderable's sort_order): a union orders as a whole.
    rows = by_theme.annotate(kind=Value(THEME)).values_list("name", "kind", "pk")
    return (
        rows.order_by()
        .union(
            by_statistic.annotate(kind=Value(STATISTIC))
            .values_list("name", "kind", "pk")
            .order_by()
        )
        .order_by("name", "kind", "pk")
    )


def contacts_for(rows):
    """The contacts a page of `listed_contacts` names, in its order: two queries (and
    three more in Welsh, for the names)."""
    pks = {THEME: [], STATISTIC: []}
    for _name, kind, pk in rows:
        pks[kind].append(pk)
    found = {
        (THEME, contact.pk): contact
        for contact in ThemeContact.objects.filter(pk__in=pks[THEME]).select_related(
            "theme", "organisation"
        )
    }
    found |= {
        (STATISTIC, contact.pk): contact
        for contact in StatisticContact.objects.filter(
            pk__in=pks[STATISTIC]
        ).select_related("statistic__producer")
    }
    contacts = [found[(kind, pk)] for _name, kind, pk in rows if (kind, pk) in found]
    # Statistics' and organisations' names in the reader's language: two queries.
    named = []
    for contact in contacts:
        if isinstance(contact, StatisticContact):
            named += [contact.statistic, contact.statistic.producer]
        else:
            named.append(contact.organisation)
    localize(named)
    # And the themes' titles: one query.
    titled_in_language(
        contact.theme for contact in contacts if isinstance(contact, ThemeContact)
    )
    return contacts
