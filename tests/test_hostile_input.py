"""Hostile input never gives a 500.

One walk over every address the URL configuration has (Django's routes, the routes
of each routable page and the pages themselves, the Wagtail admin's included), with
real objects behind it: each path parameter in turn gets hostile values, and so does
each query or form field the view reads or the page's own forms send, as a visitor,
a member and staff, by GET and POST. Each request runs in a savepoint rolled back
after it, so every request meets the same objects.
"""

import copy
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils.datastructures import MultiValueDict

from accounts import notifications
from accounts.factories import OrganisationFactory, UserFactory, totp_code
from accounts.models import DataExport
from catalogue import contact_emails
from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.models import ResponseExport
from events import services as event_services
from events.factories import EventPageFactory, MinutesPageFactory
from events.models import MeetingFeed
from forums import services as forum_services
from forums.factories import ThreadFactory
from gaps import services as gap_services
from gaps.factories import DataGapFactory
from home.factories import StandardPageFactory
from tests.urlwalk import Param, all_routes
from themes.factories import ThemeContactFactory, ThemePageFactory
from themes.services import join_theme

pytestmark = [pytest.mark.django_db, pytest.mark.walker]

log = logging.getLogger(__name__)

# Past PostgreSQL's integer, past its bigint and SQLite's integer, and far past both.
OVERFLOWS = [str(2**31), str(2**63), str(10**30)]
# Each of these is a kind of value a view might not expect; the walk tries each
# in every path parameter that accepts it, and in every field a view reads.
PATH_NUMBERS = ["0", *OVERFLOWS]
PATH_TEXT = ["-1", "a\x00b", "x" * 300, "ünïcødé ☃ 😀"]
FIELD_VALUES = [
    str(2**31),
    str(2**63),
    "-1",
    "abc ' OR '1'='1' -- %_ ünï ☃ 😀",
    "a\x00b\x1b",
    "9" * 5000,
    ["1", "abc"],
]
# Wagtail's, Django's and allauth's own views: a sample of the worst is enough.
NOT_OURS_VALUES = [str(2**63), str(10**30), "a\x00b"]
NOT_OURS_FIELDS = {"q", "p", "page", "next"}
# Routes a regex makes that cannot be written from their parts.
UNFILLABLE = {
    r"admin/.*/$": ("admin/", Param("anything", r".*"), "/"),
    r"documents/(\d+)/(.*)$": (
        "documents/",
        Param("document_id", r"\d+"),
        "/",
        Param("document_filename", r".*"),
    ),
    r"^((?:[\w\-]+/)*)$": (Param("page_path", r"(?:[\w\-]+/)*"),),
}
# Wagtail's page for trying out error reports: failing is its job.
ALWAYS_FAILS = {"admin/failwhale/"}
# Wagtail's own image and document choosers look up any text as an id: staff only,
# and Wagtail's to fix (our own choosers use core.choosers).
UPSTREAM = {
    "admin/images/chooser/chosen/<str:pk>/",
    "admin/documents/chooser/chosen/<str:pk>/",
    # wagtail-localize's, likewise: a snippet's id that is no number is a 500.
    "admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
    # And its page submit form: a locale id past SQLite's integers is a 500 there
    # (OverflowError); the walk on PostgreSQL, as CI runs it, gets no 500.
    "admin/localize/submit/page/<int:page_id>/",
}
NOT_OURS = ("wagtail.", "django.", "allauth.", "rest_framework.")
PEOPLE = ("visitor", "member", "staff")


@dataclass
class World:
    """Real objects, so that every path resolves to something."""

    theme: object
    thread: object
    reply: object
    gap: object
    meeting: object
    consultation: object
    response: object
    response_export: object
    data_export: object
    member: object
    staff: object
    pages: list
    tokens: dict


@pytest.fixture
def world(home_page, theme_index):
    organisation = OrganisationFactory()
    theme = ThemePageFactory(parent=theme_index, title="Migration", slug="migration")
    ThemeContactFactory(theme=theme, organisation=organisation)
    member = UserFactory(email="member@example.org")
    other = UserFactory()
    staff = UserFactory(
        email="staff@example.org",
        is_staff=True,
        is_superuser=True,
        two_factor=True,
        password="staff-pass-phrase-2026",
    )
    for person in (member, other):
        join_theme(person, theme)
    thread = ThreadFactory(theme=theme, author=member, title="Visa data")
    answer = forum_services.post_reply(thread, other, "An answer", tell=False)
    reply = forum_services.post_reply(
        thread, member, "Thanks", parent_id=answer.pk, tell=False
    )
    gap = DataGapFactory(theme=theme, author=member, title="Visas by region")
    gap_services.support(gap, other, use_case="Planning")
    meeting = EventPageFactory(parent=theme, title="Annual meeting")
    MinutesPageFactory(parent=meeting)
    event_services.register(meeting, member, tell_them=False)
    consultation = ConsultationPageFactory(
        parent=theme, contact_organisation=organisation
    )
    response = ResponseFactory(consultation=consultation, user=member)
    standard = StandardPageFactory(parent=home_page)
    response_export = ResponseExport.objects.create(
        consultation=consultation, requested_by=staff, format="csv"
    )
    feed, _ = MeetingFeed.objects.get_or_create(user=member)
    kind = notifications.registered_kinds()[0]
    return World(
        theme=theme,
        thread=thread,
        reply=reply,
        gap=gap,
        meeting=meeting,
        consultation=consultation,
        response=response,
        response_export=response_export,
        data_export=DataExport.objects.create(user=member),
        member=member,
        staff=staff,
        pages=[home_page, theme_index, theme, meeting, consultation, standard],
        tokens={
            "unsubscribe": notifications.unsubscribe_token(member, kind, theme),
            "catalogue:stop_emails": contact_emails.stop_token("c@example.org", [1]),
            "events:my_calendar": feed.token,
            "ConsultationPage:confirm": response.token,
        },
    )


def real_values(route, world):
    """A value for each parameter that leads to a real object."""
    module = route.view
    pk = world.theme.pk
    if module.startswith("forums."):
        pk = world.thread.pk
    elif module.startswith("gaps."):
        pk = world.gap.pk
    elif route.name == "public_profile":
        pk = world.member.pk
    elif route.name == "download_data_export":
        pk = world.data_export.pk
    page_id = world.theme.pk
    if module.startswith("events."):
        page_id = world.meeting.pk
    elif module.startswith("consultations."):
        page_id = world.consultation.pk
    values = {
        "theme_slug": world.theme.slug,
        "slug": world.thread.slug,
        "pk": pk,
        "page_id": page_id,
        "reply_id": world.reply.pk,
        "thread_id": world.thread.pk,
        "response_id": world.response.pk,
        "export_id": world.response_export.pk,
        "step": 1,
        "token": world.tokens.get(route.name, "x"),
        "app_label": "accounts",
        "app_name": "accounts",
        "content_type_app_name": "accounts",
        "model_name": "organisation",
        "content_type_model_name": "organisation",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "page_path": world.theme.url.lstrip("/"),
        "anything": "no-such-page",
        "document_filename": "report.pdf",
        "filter_spec": "original",
    }
    return {
        param.name: values.get(param.name, "1" if param.accepts("1") else "x")
        for param in route.params
    }


def is_ours(route):
    return not route.view.startswith(NOT_OURS)


def is_refused(response):
    """Turned away at the door: the view's own code never ran on the input."""
    if response.status_code == 405:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and location.startswith(
        (reverse("account_login"), reverse("mfa_activate_totp"))
    )


def sign_in_with_two_factor(client, user, password):
    """Through allauth's own forms, so the session has passed the second factor."""
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    client.post(reverse("mfa_authenticate"), {"code": totp_code(user.totp_secret)})
    assert client.session["_auth_user_id"] == str(user.pk)


def clients(world):
    visitor = Client(raise_request_exception=False)
    member = Client(raise_request_exception=False)
    member.force_login(world.member)
    staff = Client(raise_request_exception=False)
    sign_in_with_two_factor(staff, world.staff, "staff-pass-phrase-2026")
    return {"visitor": visitor, "member": member, "staff": staff}


class FieldsRead:
    """Records the names of the query and form fields that views read."""

    def __init__(self, monkeypatch):
        self.names = set()
        for method in ("get", "getlist", "__getitem__", "__contains__"):
            monkeypatch.setattr(QueryDict, method, self.recording(method))

    def recording(self, method):
        original = getattr(MultiValueDict, method, None) or getattr(dict, method)
        names = self.names

        def read(querydict, key, *args, **kwargs):
            # DRF asks for its format parameter even when it has none (None).
            if isinstance(key, str):
                names.add(key)
            return original(querydict, key, *args, **kwargs)

        return read


class FormFinder(HTMLParser):
    """The forms on a page: where each sends what, one set per submit button."""

    def __init__(self, page_path):
        super().__init__()
        self.page_path = page_path
        self.forms = []
        self.current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = urljoin(self.page_path, attrs.get("action") or self.page_path)
            self.current = {
                "path": urlsplit(action).path,
                "method": (attrs.get("method") or "get").lower(),
                "fields": {},
                "buttons": [],
            }
            self.forms.append(self.current)
        elif self.current is None or not attrs.get("name"):
            return
        elif tag == "button" or attrs.get("type") == "submit":
            self.current["buttons"].append((attrs["name"], attrs.get("value") or ""))
        elif tag in ("input", "select", "textarea"):
            value = attrs.get("value") or ""
            if not value and tag == "textarea" or attrs.get("type") == "text":
                # Filled as a member would, so the form gets past its checks.
                value = value or "Plausible words"
            self.current["fields"].setdefault(attrs["name"], value)

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None

    def seeds(self):
        for form in self.forms:
            fields = {
                name: value
                for name, value in form["fields"].items()
                if name != "csrfmiddlewaretoken"
            }
            for name, value in form["buttons"] or [(None, None)]:
                data = dict(fields)
                if name:
                    data[name] = value
                yield form["path"], form["method"], data


class Walk:
    """Sends the requests; each meets the same objects and a fresh cache."""

    def __init__(self, clients):
        self.clients = clients
        self.sent = 0
        self.failures = []
        self.statuses = Counter()

    def send(self, route, who, method, path, data):
        client = self.clients[who]
        cookies = copy.deepcopy(client.cookies)
        cache.clear()
        with transaction.atomic():
            response = getattr(client, method)(path, data)
            transaction.set_rollback(True)
        # Signing out or in changes the session cookie: keep the signed-in one.
        client.cookies = cookies
        self.sent += 1
        self.statuses[response.status_code] += 1
        if response.status_code >= 500 and route.route not in UPSTREAM:
            error = response.exc_info[1] if response.exc_info else None
            self.failures.append(
                (route.route, who, method.upper(), path, short(data), repr(error)[:150])
            )
        return response


def short(data):
    return {key: str(value)[:20] for key, value in data.items()}


def lands_on(route, path):
    """Whether the path is still this route's, not another's or a 404."""
    if route.page is not None:
        return True
    try:
        return resolve(urlsplit(path).path).route == route.route
    except Resolver404:
        return False


def path_values(route, param):
    if not is_ours(route):
        candidates = NOT_OURS_VALUES
    elif param.accepts("abc"):
        candidates = PATH_TEXT
    else:
        candidates = PATH_NUMBERS
    return [value for value in candidates if param.accepts(value)]


def first_look(walk, routes, world, fields_read):
    """Every real address as everyone: who gets past its door, which fields the
    view reads then, and which forms each page shows."""
    doors = defaultdict(list)
    seeds = defaultdict(list)
    for route in routes:
        path = route.path(real_values(route, world))
        for who, method in people_and_methods(route):
            fields_read.names.clear()
            response = walk.send(route, who, method, path, {})
            if is_refused(response):
                continue
            doors[route.route].append((who, method, set(fields_read.names)))
            if (
                method == "get"
                and response.status_code == 200
                and is_ours(route)
                and "html" in response.get("Content-Type", "")
            ):
                finder = FormFinder(path)
                finder.feed(response.content.decode())
                for target, form_method, data in finder.seeds():
                    if (who, form_method, data) not in seeds[target]:
                        seeds[target].append((who, form_method, data))
    return doors, seeds


def people_and_methods(route):
    if is_ours(route):
        return [(who, method) for who in PEOPLE for method in ("get", "post")]
    if route.route.startswith("admin/"):
        return [("staff", "get")]
    return [("visitor", "get"), ("staff", "get")]


def hostile_requests(route, world, doors, seeds):
    """Each hostile value once per parameter and per field, passed round the
    people and methods the view lets in, so each meets the view's own code."""
    values = real_values(route, world)
    path = route.path(values)
    doors = doors[route.route] or [("visitor", "get", set())]
    turn = 0
    for param in route.params:
        for value in path_values(route, param):
            hostile_path = route.path({**values, param.name: value})
            if lands_on(route, hostile_path):
                who, method, _ = doors[turn % len(doors)]
                turn += 1
                yield route, who, method, hostile_path, {}
    candidates = FIELD_VALUES if is_ours(route) else NOT_OURS_VALUES
    tried = set()
    for who, method, reads in doors:
        fields = reads if is_ours(route) else reads & NOT_OURS_FIELDS
        form_seeds = [
            (seen_by, data)
            for seen_by, form_method, data in seeds[path]
            if form_method == method and seen_by == who
        ]
        # The page's own forms first: filled in, they reach deeper than nothing.
        for seed_by, seed in [*form_seeds, (who, {})]:
            for name in sorted(fields | set(seed)):
                if (method, name) in tried:
                    continue
                tried.add((method, name))
                for value in candidates:
                    yield route, seed_by, method, path, {**seed, name: value}


def test_no_hostile_request_gives_a_server_error(world, monkeypatch):

    routes = [
        replace(route, pieces=UNFILLABLE[route.route])
        if not route.fillable and route.route in UNFILLABLE
        else route
        for route in all_routes(world.pages)
        if route.route not in ALWAYS_FAILS
    ]
    unfillable = [route.route for route in routes if not route.fillable]
    assert not unfillable, f"add these routes to UNFILLABLE: {unfillable}"
    walk = Walk(clients(world))
    doors, seeds = first_look(walk, routes, world, FieldsRead(monkeypatch))
    for route in routes:
        for request in hostile_requests(route, world, doors, seeds):
            walk.send(*request)
    failing_routes = {failure[0] for failure in walk.failures}
    log.warning(
        "%s hostile requests, %s gave 500s on %s routes; answers: %s",
        walk.sent,
        len(walk.failures),
        len(failing_routes),
        dict(walk.statuses),
    )
    assert not walk.failures, (
        f"{len(walk.failures)} of {walk.sent} requests gave 500s on "
        f"{len(failing_routes)} routes:\n"
        + "\n".join(" ".join(map(str, failure)) for failure in walk.failures)
    )
