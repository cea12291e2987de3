from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts import suppressions
from consultations.services.responding import responses_of
from core.search import search_query
from core.translation import localize, localized, titled_in_language
from events.services import my_calendar_url
from home import opportunities
from search import query as site_search
from search.forms import SearchFilters
from themes import roles
from themes import services as theme_services

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Everything a person may see, in one ranked list: `query` (or `q`) and the
    filters; filters alone list the newest first."""
    query = search_query(
        request.GET.get("query") or request.GET.get("q"), MAX_QUERY_LENGTH
    )
    form = SearchFilters(request.GET)
    results = None
    if query or form.is_filtered:
        results = site_search.results(
            request.user,
            query,
            form.filters(),
            page_number=request.GET.get("page"),
            per_page=RESULTS_PER_PAGE,
        )
    return render(
        request,
        "search/search.html",
        {"query": query, "results": results, "form": form},
    )


@login_required
def dashboard(request):
    """A member's own page: their themes, roles and requests, and their account."""
    held = list(roles.roles_of(request.user))
    producer_requests = list(
        request.user.producer_requests.select_related("theme", "organisation")[:10]
    )
    # The organisations in the reader's language: one query for both lists.
    localize(each.organisation for each in [*held, *producer_requests])
    # And the themes: one query for the three lists.
    joined = list(theme_services.themes_joined(request.user))
    every_theme = [*joined, *(each.theme for each in [*held, *producer_requests])]
    shown = dict(zip((t.pk for t in every_theme), localized(every_theme), strict=True))
    for each in [*held, *producer_requests]:
        each.theme_shown = shown[each.theme_id]
    return render(
        request,
        "home/dashboard.html",
        {
            "themes": [shown[theme.pk] for theme in joined],
            "roles": held,
            "producer_requests": producer_requests,
            "meetings_calendar_url": my_calendar_url(request.user),
            "consultation_responses": responses_of(request.user),
            "email_suppression": suppressions.current_for(request.user),
        },
    )


def get_involved(request):
    """Ways to take part now, across every theme: a member's themes first, and what
    they already took part in marked."""
    sections = opportunities.gather(request.user)
    # Each theme in the reader's language: one query for them all.
    titled_in_language(item.theme for section in sections for item in section.items)
    return render(
        request,
        "home/get_involved.html",
        {
            "sections": {section.key: section for section in sections},
            "nothing": opportunities.is_empty(sections),
        },
    )
