from django import template

register = template.Library()


@register.filter
def elided_page_range(page):
    """The page numbers to show: the first, the last and two either side of this
    one, with ellipses between. Never every page: a list may have thousands."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
