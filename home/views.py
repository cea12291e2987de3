from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page, Site

from consultations.services.responding import responses_of
from core.search import search_query
from events.services import my_calendar_url
from themes import roles
from themes import services as theme_services

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = search_query(request.GET.get("query"), MAX_QUERY_LENGTH)
    results = None
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().specific()
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        results = Paginator(pages.search(query), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
    return render(request, "search/search.html", {"query": query, "results": results})


@login_required
def dashboard(request):
    """A member's own page: their themes, roles and requests, and their account."""
    return render(
        request,
        "home/dashboard.html",
        {
            "themes": theme_services.themes_joined(request.user),
            "roles": roles.roles_of(request.user),
            "producer_requests": request.user.producer_requests.select_related(
                "theme", "organisation"
            )[:10],
            "meetings_calendar_url": my_calendar_url(request.user),
            "consultation_responses": responses_of(request.user),
        },
    )
