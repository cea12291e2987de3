"""Every theme's consultations in one list: open ones first."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path

from consultations.models import ConsultationPage, State
from themes.models import ThemePage

CONSULTATIONS_PER_PAGE = 20


def consultation_list(request, theme=None, page=None):
    """A theme's consultations page (`page`) lists its `theme`'s only."""
    consultations = (
        ConsultationPage.objects.live()
        .public()
        .with_state()
        .order_by("state_order", "closes_at", "pk")
    )
    themes = ThemePage.objects.live().public().order_by("title")
    theme = theme or next(
        (t for t in themes if t.slug == request.GET.get("theme")), None
    )
    if theme:
        consultations = consultations.descendant_of(theme)
    state = request.GET.get("state", "")
    if state in State.values:
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
            "themes": themes,
            "theme": theme,
            "state": state,
            "states": State.choices,
        },
    )


urlpatterns = [path("", consultation_list, name="consultations")]
