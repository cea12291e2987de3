"""Every theme's consultations in one list: open ones first."""

from django.core.paginator import Paginator
from django.shortcuts import render

from consultations.feeds import consultations_feed_url
from consultations.forms import ConsultationFilters
from consultations.listing import listed_consultations
from consultations.models import ConsultationPage
from core.translation import titled_in_language
from themes import roles

CONSULTATIONS_PER_PAGE = 20


def consultation_list(request, theme=None, page=None):
    """A theme's consultations page (`page`) lists its `theme`'s only."""
    themes = None if theme else roles.public_themes().order_by("title")
    filters = ConsultationFilters(request.GET, themes=themes)
    chosen = filters.chosen()
    theme = theme or filters.chosen_theme()
    state = chosen.get("state", "")
    consultations = listed_consultations(chosen, theme)
    listed = Paginator(consultations, CONSULTATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    ConsultationPage.attach_themes(listed)
    # The themes named, in the reader's language: one query for the page.
    titled_in_language([theme, *(consultation.theme for consultation in listed)])
    return render(
        request,
        "consultations/consultation_list.html",
        {
            "page": page,
            "consultations": listed,
            "theme": theme,
            "state": state,
            "filters": ConsultationFilters(initial=chosen, themes=themes),
            "feed_url": roles.advertised_feed(theme, consultations_feed_url),
        },
    )
