"""The public figures of a theme or an organisation, as a page and as CSV."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from accounts.models import Organisation
from core.csv import csv_response
from figures.measures import Scope, figures_of
from figures.period import chosen_period
from themes.views import get_theme


def theme_figures(request, theme_slug):
    theme = get_theme(theme_slug)
    return _figures(request, Scope.of_theme(theme), theme=theme)


def theme_figure_csv(request, theme_slug, figure):
    return _csv(request, Scope.of_theme(get_theme(theme_slug)), figure)


def organisation_figures(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    return _figures(
        request, Scope.of_organisation(organisation), organisation=organisation
    )


def organisation_figure_csv(request, pk, figure):
    organisation = get_object_or_404(Organisation, pk=pk)
    return _csv(request, Scope.of_organisation(organisation), figure)


def _figures(request, scope, **context):
    form, period = chosen_period(request.GET)
    return TemplateResponse(
        request,
        "figures/figures.html",
        {
            **context,
            "page": context.get("theme"),
            "form": form,
            "period": period,
            "figures": figures_of(scope, period),
            "csv_query": period.query(),
        },
    )


def _csv(request, scope, slug):
    _form, period = chosen_period(request.GET)
    figure = figures_of(scope, period).get(slug)
    if figure is None:
        raise Http404("No such figure.")
    return csv_response(
        f"{slug}-{period.start.isoformat()}-to-{period.end.isoformat()}.csv",
        figure.header,
        figure.rows,
    )
