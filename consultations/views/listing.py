"""Every theme's consultations in one list: open ones first."""

from django.core.paginator import Paginator
from django.shortcuts import render

from consultations.models import ConsultationPage, State
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
    theme = next((t for t in themes if t.slug == request.GET.get("theme")), None)
    if theme:
        consultations = consultations.child_of(theme)
    state = request.GET.get("state", "")
    if state in State.values:
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
            "themes": themes,
            "theme": theme,
            "state": state,
            "states": State.choices,
        },
    )
