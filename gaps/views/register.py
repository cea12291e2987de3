"""The data-gap register: a theme's and every theme's, as a page, CSV, JSON and Atom.

One implementation serves both addresses. The downloads and the feed take the same
filters as the page (see gaps.register and gaps.exports).
"""

from django.core.paginator import Paginator
from django.shortcuts import render

from core.translation import in_reading_order, localize, titled_in_language
from gaps.exports import DOWNLOADS
from gaps.feeds import GapUpdatesFeed
from gaps.register import register_of
from themes.views import get_theme

GAPS_PER_PAGE = 20


def find_register(request, theme_slug=None):
    """The register at this address, filtered by the request's query string."""
    theme = None
    if theme_slug is not None:
        theme = get_theme(theme_slug)
    return register_of(
        theme, request.GET, site_url=request.build_absolute_uri("/").rstrip("/")
    )


def register(request, theme_slug=None):
    found = find_register(request, theme_slug)
    download = DOWNLOADS.get(request.GET.get("format"))
    if download:
        return download(found)
    gaps = Paginator(
        found.gaps()
        .select_related("theme", "owner_organisation")
        .prefetch_related("topics"),
        GAPS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    # The owners, on the page and in the filter, in the reader's language: one query.
    localize(
        [
            *(gap.owner_organisation for gap in gaps),
            *found.choices["organisations"],
        ]
    )
    # The themes named, in the reader's language: those the theme filter titled
    # already, the rest in one query.
    filtered = {theme.pk: theme for theme in found.choices.get("themes", ())}
    for gap in gaps:
        gap.theme = filtered.get(gap.theme_id, gap.theme)
    titled_in_language([found.theme, *(gap.theme for gap in gaps)])
    # The filter's owners in the order of the names shown, once they are found.
    found.choices["organisations"] = in_reading_order(
        found.choices["organisations"], lambda owner: owner.localized.name
    )
    return render(
        request,
        "gaps/register.html",
        {
            "page": found.theme,
            "theme": found.theme,
            "register": found,
            "gaps": gaps,
            "form": found.form(),
            "csv_url": found.query(format="csv"),
            "json_url": found.query(format="json"),
            "feed_url": found.feed_url() + found.query(),
        },
    )


feed = GapUpdatesFeed(find_register)
