from django import template
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
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


# The sections of the site, in the service navigation of every page.
SECTIONS = [
    ("/themes/", _("Themes")),
    ("/meetings/", _("Meetings")),
    ("/consultations/", _("Consultations")),
    ("/data-gaps/", _("Data gaps")),
    ("/get-involved/", _("Get involved")),
    ("/contacts/", _("Who to talk to")),
    ("/search/", _("Search")),
]


@register.simple_tag(takes_context=True)
def service_navigation_items(context):
    """The service navigation's items, each in the page's language, the reader's
    section marked current. One tag rather than a tag or an included template per
    link: every page shows ten of them."""
    request = context.get("request")
    path = request.path if request else ""
    user = context.get("user")
    links = [(href, text, {}) for href, text in SECTIONS]
    if user is not None and user.is_authenticated:
        links += [
            (
                reverse("notification_inbox"),
                _("Notifications"),
                {"count": context.get("unread_notifications", 0)},
            ),
            # Marked on its own page only: other links live under its address.
            (reverse("dashboard"), _("Your account"), {"exact": True}),
            (reverse("account_logout"), _("Sign out"), {}),
        ]
    else:
        links.append((reverse("account_login"), _("Sign in"), {}))
    language = translation.get_language()
    return mark_safe(  # noqa: S308 - each item is made by format_html
        "".join(
            navigation_item(path, address_in(href, language), text, **options)
            for href, text, options in links
        )
    )


def navigation_item(path, href, text, count=0, exact=False):
    """One item, marked current on its own section of the site (`exact`: on its
    own page only), with `count` beside its words when there is one."""
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
