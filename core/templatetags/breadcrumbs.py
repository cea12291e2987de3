from django import template
from django.utils.translation import get_language, gettext

from core.languages import address_in
from core.translation import titled_in_language

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, *trail, current="", above=None):
    """GOV.UK breadcrumbs: Home, the pages down to `page`, then `trail`.

    `trail` is label, address, label, address...: for views below a page that are
    not pages themselves. `current`, unlinked, names where the reader is. A page's
    own template gives `above=page`: the pages above it, not itself.
    """
    if above is not None:
        if above.depth <= 2:
            return {"crumbs": []}  # the home page has nowhere to go back to
        pages = above.get_ancestors()
    elif page is not None:
        pages = page.get_ancestors(inclusive=True)
    else:
        pages = None
    request = context.get("request")
    crumbs = [(gettext("Home"), address_in("/", get_language()))]
    if pages is not None:
        # Specific pages, as some live at addresses of their own kind's making.
        below_home = pages.filter(depth__gt=2).specific(defer=True)
        # Named in the address's language: pages above one served in English under
        # /cy/ (a theme's meetings) may have Welsh translations (one query).
        crumbs += [
            (p.title_in_language, p.get_url(request))
            for p in titled_in_language(below_home)
        ]
    crumbs += list(zip(trail[::2], trail[1::2], strict=True))
    return {"crumbs": crumbs, "current": current}
