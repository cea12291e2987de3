from django import template
from django.utils import translation
from wagtail.models import Site

from core.languages import address_in
from home.models import StandardPage

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The standard pages an editor has chosen to show in menus, for the footer."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return StandardPage.objects.none()
    return (
        StandardPage.objects.live()
        .public()
        .in_menu()
        .child_of(site.root_page)
        .order_by("path")
    )


@register.inclusion_tag("includes/service_navigation_item.html", takes_context=True)
def nav_link(context, href, text, count=0, exact=False):
    """A service navigation link, marked current on its own section of the site.

    `count`, when given, is shown beside the text (unread notifications); `exact`
    marks it on its own page only, when other links live under its address.
    """
    request = context.get("request")
    path = request.path if request else ""
    # The section's address in the page's language: /cy/themes/ on a Welsh page.
    href = address_in(href, translation.get_language())
    return {
        "href": href,
        "text": text,
        "count": count,
        "current": path == href,
        "active": path == href if exact else path.startswith(href),
    }
