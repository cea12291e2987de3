"""Every theme's consultations in one list: open ones first."""

from django.core.paginator import Paginator
from django.shortcuts import render

from consultations.forms import ConsultationFilters
from consultations.models import ConsultationPage
from themes.models import ThemePage

CONSULTATIONS_PER_PAGE = 20


def consultation_list(request):
    consultations = (
        ConsultationPage.objects.live()
        .public()
        .with_state()
        .order_by("state_order", "closes_at", "pk")
    )
    themes = ThemePage.objects.live().public().order_by("title")
    filters = ConsultationFilters(request.GET, themes=themes)
    chosen = filters.chosen()
    theme = filters.chosen_theme()
    if theme:
        consultations = consultations.child_of(theme)
    state = chosen.get("state", "")
    if state:
        consultations = consultations.filter(state=state)
    page = Paginator(consultations, CONSULTATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    ConsultationPage.attach_themes(page)
    return render(
        request,
        "consultations/consultation_list.html",
        {
            "consultations": page,
            "theme": theme,
            "state": state,
            "filters": ConsultationFilters(initial=chosen, themes=themes),
        },
    )
