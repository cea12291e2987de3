"""Every address the site answers, enumerated from its URL configuration.

Three kinds: the Django routes (`get_resolver()`), the routes of Wagtail's routable
pages under each page that has them, and the Wagtail pages themselves. A test fills
each route's parameters with real values, or hostile ones, to make a path.
"""

import inspect
import re
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from wagtail.contrib.routable_page.models import RoutablePageMixin

ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>")
# Left in a regex route once its named groups are taken out, these mean the route
# cannot be written down from its parts alone.
REGEX_SYNTAX = re.compile(r"[()\[\]*+?|{}]|\\[^.\-/]")


@dataclass(frozen=True)
class Param:
    name: str
    regex: str

    def accepts(self, value):
        return re.fullmatch(self.regex, value) is not None


@dataclass(frozen=True)
class Route:
    """One address pattern: its pieces are literal text and parameters."""

    name: str
    route: str
    view: str
    pieces: tuple | None
    page: object = None

    @property
    def params(self):
        return tuple(p for p in self.pieces or () if isinstance(p, Param))

    @property
    def fillable(self):
        return self.pieces is not None

    def path(self, values):
        """The path with each parameter's value, quoted as a browser would."""
        return "/" + "".join(
            quote(str(values[p.name]), safe="") if isinstance(p, Param) else p
            for p in self.pieces
        )

    def __str__(self):
        return self.name


def route_pieces(text, converters):
    """Literal text and Params, from a path() route such as `<int:pk>-<slug:slug>/`."""
    pieces, at = [], 0
    for match in ROUTE_PARAMETER.finditer(text):
        pieces.append(text[at : match.start()])
        pieces.append(Param(match["name"], converters[match["name"]].regex))
        at = match.end()
    pieces.append(text[at:])
    return [piece for piece in pieces if piece != ""]


def regex_pieces(text):
    """The same from a re_path() regex, or None when it is more than named groups."""
    text = text.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    pieces, at = [], 0
    for match in NAMED_GROUP.finditer(text):
        if match.start() < at:
            return None
        end, depth = match.end(), 1
        while depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        pieces.append(text[at : match.start()])
        pieces.append(Param(match["name"], text[match.end() : end - 1]))
        at = end
    pieces.append(text[at:])
    literals = [piece for piece in pieces if isinstance(piece, str)]
    if any(REGEX_SYNTAX.search(literal) for literal in literals):
        return None
    return [
        piece.replace("\\", "") if isinstance(piece, str) else piece
        for piece in pieces
        if piece != ""
    ]


def pattern_pieces(pattern):
    if isinstance(pattern, RegexPattern):
        return regex_pieces(str(pattern))
    return route_pieces(str(pattern), pattern.converters)


def join_pieces(prefix, pieces):
    if prefix is None or pieces is None:
        return None
    return (*prefix, *pieces)


def innermost(view):
    """The view inside its decorators, even those that do not say what they wrap."""
    while True:
        cells = [cell.cell_contents for cell in getattr(view, "__closure__", ()) or ()]
        inner = getattr(view, "__wrapped__", None) or next(
            (cell for cell in cells if inspect.isfunction(cell)), None
        )
        if inner is None:
            return view
        view = inner


def view_name(callback):
    view = getattr(callback, "view_class", None) or innermost(callback)
    # A feed is an instance; a decorated view keeps its own name.
    name = getattr(view, "__qualname__", type(view).__qualname__)
    return f"{view.__module__}.{name}"


@dataclass(frozen=True)
class Included:
    """One URLPattern with what the resolvers that include it add to it."""

    pattern: URLPattern
    route: str
    pieces: tuple | None
    namespace: str
    # The module of the innermost URLconf included by name ("" for the root's own).
    urlconf: str


def url_patterns(patterns=None, route="", pieces=(), namespace="", urlconf=""):
    """Every URLPattern under the root URLconf, walking its resolvers once.

    The one walk of the URL configuration: the tests that list addresses (this
    module's routes, the permission matrix, the sign-in doors) all start here.
    """
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        # Django's own join: a regex route's ^ is dropped after the first.
        text = str(pattern.pattern)
        whole = route + (text.removeprefix("^") if route else text)
        own = join_pieces(pieces, pattern_pieces(pattern.pattern))
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else ""
            # A module, its name, or a list of patterns (Wagtail's viewsets).
            conf = pattern.urlconf_name
            name = conf if isinstance(conf, str) else getattr(conf, "__name__", "")
            yield from url_patterns(
                pattern.url_patterns, whole, own, inner or namespace, name or urlconf
            )
        elif isinstance(pattern, URLPattern):
            yield Included(pattern, whole, own, namespace, urlconf)


def django_routes():
    """Every URLPattern under the root URLconf, with its whole route."""
    for found in url_patterns():
        pattern = found.pattern
        yield Route(
            name=f"{found.namespace}{pattern.name}" if pattern.name else found.route,
            route=found.route,
            view=view_name(pattern.callback),
            pieces=found.pieces,
        )


def subpage_routes(pages):
    """The routes of each routable page, under that page's own address."""
    for page in pages:
        if not isinstance(page, RoutablePageMixin):
            continue
        base = page.url.lstrip("/")
        for pattern in page.get_subpage_urls():
            yield Route(
                name=f"{type(page).__name__}:{pattern.name}",
                route=base + str(pattern.pattern),
                view=f"{type(page).__module__}.{pattern.callback.__qualname__}",
                pieces=(
                    base,
                    *route_pieces(str(pattern.pattern), pattern.pattern.converters),
                ),
                page=page,
            )


def page_routes(pages):
    """Each Wagtail page's own address."""
    for page in pages:
        yield Route(
            name=f"page:{type(page).__name__}",
            route=page.url.lstrip("/"),
            view="wagtail.views.serve",
            pieces=(page.url.lstrip("/"),),
            page=page,
        )


def all_routes(pages):
    """Django's routes, then each routable page's, then the pages."""
    pages = [page.specific for page in pages]
    return [*django_routes(), *subpage_routes(pages), *page_routes(pages)]
