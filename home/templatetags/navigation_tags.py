from django import template
from django.core.cache import cache
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext
from wagtail.models import Site

from core.caching import SHARED_MAX_AGE
from core.languages import address_in
from core.pagecache import version_of_everything
from core.translation import localized
from home.models import StandardPage

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The standard pages an editor has chosen to show in menus, in the page's
    language where translated, as (title, address) pairs for the footer.

    The footer is on every page, signed in or not: the pairs are kept in the default
    cache under the page cache's version of the whole site, so whatever makes every
    visitor's page go (any change to a standard page, home/page_cache.py) makes
    these go too.
    """
    request = context.get("request")
    if request is None:
        return []
    # By host, which decides the site: finding the site is a query of its own.
    key = ":".join(
        [
            "footer",
            request.get_host(),
            translation.get_language(),
            version_of_everything(),
        ]
    )
    links = cache.get(key)
    if links is None:
        site = Site.find_for_request(request)
        pages = (
            StandardPage.objects.live()
            .public()
            .in_menu()
            .child_of(site.root_page)
            .order_by("path")
            if site
            else StandardPage.objects.none()
        )
        links = [
            (page.title, page.get_url(request=request)) for page in localized(pages)
        ]
        # No longer than a visitor's page: a page made live by a script, with no
        # publish signal, shows within a minute, as it does in their pages.
        cache.set(key, links, SHARED_MAX_AGE)
    return links


@register.simple_tag(takes_context=True)
def nav_link(context, href, text, count=0, exact=False):
    """A service navigation item, marked current on its own section of the site.

    `count`, when given, is shown beside the text (unread notifications); `exact`
    marks it on its own page only, when other links live under its address. Made
    here rather than by an included template: every page shows ten of them.
    """
    request = context.get("request")
    path = request.path if request else ""
    # The section's address in the page's language: /cy/themes/ on a Welsh page.
    href = address_in(href, translation.get_language())
    active = path == href if exact else path.startswith(href)
    words = (
        format_html(
            '<strong class="govuk-service-navigation__active-fallback">{}</strong>',
            text,
        )
        if active
        else conditional_escape(text)
    )
    if count:
        words = format_html(
            '{} <span class="sf-count">{}<span class="govuk-visually-hidden"> {}'
            "</span></span>",
            words,
            count,
            gettext("unread"),
        )
    return format_html(
        '<li class="govuk-service-navigation__item{}">'
        '<a class="govuk-service-navigation__link" href="{}"{}>{}</a></li>',
        " govuk-service-navigation__item--active" if active else "",
        href,
        format_html(' aria-current="{}"', "page" if path == href else "true")
        if active
        else "",
        words,
    )
