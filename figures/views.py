"""The public figures of a theme or an organisation, as a page and as CSV."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from accounts.models import Organisation
from core.csv import csv_response
from core.translation import is_of_record, localize, of_record, original
from figures.forms import ON_THE_PAGE, SatisfactionForm
from figures.measures import Scope, figures_of
from figures.models import SatisfactionAsk
from figures.period import chosen_period
from figures.satisfaction import ask_from_token, record_answer
from themes.models import Role, ThemeRole
from themes.views import get_theme


def theme_figures(request, theme_slug):
    theme = get_theme(theme_slug)
    producers = (
        of_record(Organisation.objects)
        .filter(
            pk__in=ThemeRole.objects.filter(theme=theme, role=Role.PRODUCER).values(
                "organisation"
            )
        )
        .order_by("name")
    )
    return _figures(
        request, Scope.of_theme(theme), theme=theme, producers=localize(producers)
    )


def theme_figure_csv(request, theme_slug, figure):
    return _csv(request, Scope.of_theme(get_theme(theme_slug)), figure)


def organisation_figures(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    if not is_of_record(organisation):
        return redirect_to_record(organisation, "figures:organisation")
    return _figures(
        request, Scope.of_organisation(organisation), organisation=organisation
    )


def organisation_figure_csv(request, pk, figure):
    organisation = get_object_or_404(Organisation, pk=pk)
    if not is_of_record(organisation):
        return redirect_to_record(
            organisation, "figures:organisation_csv", figure=figure
        )
    return _csv(request, Scope.of_organisation(organisation), figure)


def redirect_to_record(organisation, view, **kwargs):
    """A translation is no organisation of its own: its address leads to its row of
    record's, in the page's language, where everything about it is attached."""
    return redirect(view, pk=original(organisation).pk, permanent=True, **kwargs)


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
        raise Http404(gettext("No such figure."))
    return csv_response(
        f"{slug}-{period.start.isoformat()}-to-{period.end.isoformat()}.csv",
        figure.header,
        figure.rows,
    )


def satisfaction(request, token):
    """The page an emailed "yes" or "no" opens: the answer is chosen, and counts
    only once the person confirms it (POST), so a mail scanner's visit votes nothing."""
    try:
        ask, satisfied = ask_from_token(token)
    except ValidationError:
        return TemplateResponse(
            request, "figures/satisfaction_invalid.html", status=404
        )
    if ask.answered_at is not None:
        return TemplateResponse(
            request, "figures/satisfaction_thanks.html", {"ask": ask}
        )
    form = SatisfactionForm(
        request.POST if request.method == "POST" else None,
        initial={"satisfied": "yes" if satisfied else "no"},
    )
    if request.method == "POST" and form.is_valid():
        record_answer(
            ask, None, form.cleaned_data["satisfied"], form.cleaned_data["comment"]
        )
        return redirect(request.path)
    return TemplateResponse(
        request,
        "figures/satisfaction.html",
        {"ask": ask, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def answer_on_the_page(request, pk):
    """The same answer, given on the outcome's page by the person asked."""
    ask = get_object_or_404(
        SatisfactionAsk, pk=pk, user=request.user, answered_at__isnull=True
    )
    form = SatisfactionForm(request.POST, prefix=ON_THE_PAGE)
    if not form.is_valid():
        return TemplateResponse(
            request, "figures/satisfaction.html", {"ask": ask, "form": form}, status=400
        )
    record_answer(
        ask, request.user, form.cleaned_data["satisfied"], form.cleaned_data["comment"]
    )
    return TemplateResponse(request, "figures/satisfaction_thanks.html", {"ask": ask})
