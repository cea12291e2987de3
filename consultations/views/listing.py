"""Every theme's consultations in one list: open ones first."""

from django.core.paginator import Paginator
from django.shortcuts import render

from consultations.feeds import consultations_feed_url
from consultations.forms import ConsultationFilters
from consultations.models import ConsultationPage
from themes.models import ThemePage
from themes.roles import public_pages

CONSULTATIONS_PER_PAGE = 20


def consultation_list(request, theme=None, page=None):
    """A theme's consultations page (`page`) lists its `theme`'s only."""
    consultations = public_pages(ConsultationPage.objects.with_state()).order_by(
        "state_order", "closes_at", "pk"
    )
    themes = None if theme else ThemePage.objects.live().public().order_by("title")
    filters = ConsultationFilters(request.GET, themes=themes)
    chosen = filters.chosen()
    theme = theme or filters.chosen_theme()
    if theme:
        consultations = consultations.descendant_of(theme)
    state = chosen.get("state", "")
    if state:
        consultations = consultations.filter(state=state)
    listed = Paginator(consultations, CONSULTATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    ConsultationPage.attach_themes(listed)
    return render(
        request,
        "consultations/consultation_list.html",
        {
            "page": page,
            "consultations": listed,
            "theme": theme,
            "state": state,
            "filters": ConsultationFilters(initial=chosen, themes=themes),
            "feed_url": consultations_feed_url(theme),
        },
    )
