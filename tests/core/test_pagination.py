from django.core.paginator import Paginator
from django.template import RequestContext, Template
from django.test import RequestFactory

from core.templatetags.pagination_tags import elided_page_range


def test_a_long_list_shows_the_ends_and_the_pages_near_this_one():
    page = Paginator(range(5000), 10).page(250)

    assert list(elided_page_range(page)) == [
        1, "…", 248, 249, 250, 251, 252, "…", 500,
    ]  # fmt: skip


def test_the_pagination_component_links_each_shown_page_and_keeps_the_query():
    page = Paginator(range(5000), 10).page(3)
    request = RequestFactory().get("/data-gaps/", {"status": "open", "page": 3})

    html = Template('{% include "components/pagination.html" %}').render(
        RequestContext(request, {"page_obj": page})
    )

    assert 'href="?status=open&amp;page=5"' in html
    assert 'aria-current="page">3<' in html
    assert html.count("govuk-pagination__item--ellipses") == 1
    assert "page=6" not in html
