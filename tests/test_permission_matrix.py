"""Who gets what from every object-level address and action of the site.

The rows come from the URL configuration: every pattern of ours with an object in
its address (a theme, a thread, a reply, a gap...), every route of our routable
pages, and the own address (`index_route`) of a theme and of each page in one. A
new address without a row fails the first test. Each row gives the answer for six
people, in ROLES order; "rightful" is the row's own role (the thread's
author, the theme's chair or producer, a member of the theme, an editor). Links
sent by email (a calendar, unsubscribing, confirming) are tried again with a
token that is nobody's.

Outcomes: ok (200, or a redirect that is not to sign-in), signin (sent to sign in),
denied (403, or the admin sending a signed-in person away), missing (404).
"""

import inspect
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts import notifications
from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import DataExport, EmailSuppression, Notification
from catalogue import contact_emails
from catalogue.factories import StatisticFactory
from connections.models import ActionItem
from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationResponse,
    ResponseExport,
)
from events import services as events_services
from events.factories import EventPageFactory, MinutesPageFactory
from events.models import EventPage, MeetingIndexPage
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import Thread
from gaps import services as gap_services
from tests import urlwalk
from themes import services as theme_services
from themes.factories import ThemePageFactory, appoint
from themes.models import Role, ThemePage, ThemeRole

pytestmark = pytest.mark.django_db

OURS = {
    "forums",
    "gaps",
    "events",
    "consultations",
    "themes",
    "accounts",
    "home",
    "connections",
    "catalogue",
    "api",
}
ROUTABLE_PAGES = [EventPage, ConsultationPage]
# A theme page has no routes: what members do in a theme is Django URLs (themes:).
# A theme's sections (issue 12) are pages too: the lists of its meetings and
# consultations.
PAGES = [ThemePage, MeetingIndexPage, ConsultationIndexPage, *ROUTABLE_PAGES]
ROLES = [
    "anonymous",
    "outsider",
    "member",
    "producer_elsewhere",
    "chair_elsewhere",
    "rightful",
]
OK, SIGNIN, DENIED, MISSING = "ok", "signin", "denied", "missing"
EVERYONE = (OK,) * 6
SIGNED_IN = (SIGNIN, OK, OK, OK, OK, OK)
ONLY_RIGHTFUL = (SIGNIN, DENIED, DENIED, DENIED, DENIED, OK)
NOWHERE = (MISSING,) * 6
IN_THE_ADMIN = (SIGNIN, DENIED, DENIED, OK, OK, OK)

# name: (method, post data, rightful role, outcomes in ROLES order)
MATRIX = {
    "forums:threads": ("get", {}, "member", EVERYONE),
    "forums:new_thread": ("get", {}, "member", SIGNED_IN),
    "forums:thread": ("get", {}, "member", EVERYONE),
    "forums:thread_feed": ("get", {}, "member", EVERYONE),
    "forums:reply": ("post", {"comment": "Agreed."}, "member", SIGNED_IN),
    "forums:follow": ("post", {}, "member", SIGNED_IN),
    "forums:edit_thread": ("get", {}, "author", ONLY_RIGHTFUL),
    "forums:delete_thread": ("get", {}, "author", ONLY_RIGHTFUL),
    "forums:report_thread": ("post", {"reason": "spam"}, "member", SIGNED_IN),
    "forums:mark_answer": ("post", "answer", "producer", ONLY_RIGHTFUL),
    "forums:moderate": ("post", {"action": "pin"}, "chair", ONLY_RIGHTFUL),
    "forums:edit_reply": ("get", {}, "replier", ONLY_RIGHTFUL),
    "forums:like_reply": ("post", {}, "member", SIGNED_IN),
    "forums:report_reply": ("post", {"reason": "spam"}, "member", SIGNED_IN),
    "forums:delete_reply": ("get", {}, "replier", ONLY_RIGHTFUL),
    "gaps:register": ("get", {}, "member", EVERYONE),
    "gaps:register_feed": ("get", {}, "member", EVERYONE),
    "gaps:gap": ("get", {}, "member", EVERYONE),
    "gaps:gap_feed": ("get", {}, "member", EVERYONE),
    "gaps:new_gap": ("get", {}, "member", SIGNED_IN),
    "gaps:support": ("post", {"use_case": "Me too."}, "member", SIGNED_IN),
    "gaps:withdraw": ("post", {}, "member", SIGNED_IN),
    "gaps:follow": ("post", {"action": "follow"}, "member", SIGNED_IN),
    "gaps:triage": ("get", {}, "producer", ONLY_RIGHTFUL),
    "gaps:approve": ("post", {}, "producer", ONLY_RIGHTFUL),
    "gaps:reject": ("get", {}, "producer", ONLY_RIGHTFUL),
    "connections:gap_links": ("get", {}, "producer", ONLY_RIGHTFUL),
    # An action's status: the theme's producers and chairs, and editors.
    "connections:action_status": ("get", {}, "producer", ONLY_RIGHTFUL),
    # Raising a gap from a discussion is raising a gap: anyone signed in.
    "connections:raise_gap": ("get", {}, "member", SIGNED_IN),
    "connections:theme_feed": ("get", {}, "member", EVERYONE),
    "events:theme_meetings_calendar": ("get", {}, "member", EVERYONE),
    "events:theme_meetings_feed": ("get", {}, "member", EVERYONE),
    "consultations:theme_consultations_feed": ("get", {}, "member", EVERYONE),
    "forums_moderate_reply": ("post", {"action": "approve"}, "chair", ONLY_RIGHTFUL),
    "forums_moderate_thread": ("post", {"action": "approve"}, "chair", ONLY_RIGHTFUL),
    "data_gaps:triage": ("get", {}, "producer", ONLY_RIGHTFUL),
    "public_profile": ("get", {}, "member", EVERYONE),
    "ThemePage:index_route": ("get", {}, "member", EVERYONE),
    # Joining, leaving, the members and producer requests moved off the theme
    # page's routes to Django URLs (issue 12): the same addresses and answers.
    "themes:join": ("post", {}, "member", SIGNED_IN),
    "themes:leave": ("post", {}, "member", SIGNED_IN),
    "themes:members": (
        "get",
        {},
        "member",
        (SIGNIN, DENIED, OK, DENIED, DENIED, OK),
    ),
    "themes:producer_request": ("get", {}, "member", SIGNED_IN),
    # Meetings are open to anyone signed in; their attendees only to those who
    # may edit the meeting (its theme's chairs and editors).
    "MeetingIndexPage:index_route": ("get", {}, "member", EVERYONE),
    "EventPage:index_route": ("get", {}, "member", EVERYONE),
    "EventPage:register": ("post", {}, "member", SIGNED_IN),
    "EventPage:cancel": ("post", {}, "registrant", SIGNED_IN),
    "EventPage:calendar": ("get", {}, "member", EVERYONE),
    "events_meeting_attendees": ("get", {}, "chair", ONLY_RIGHTFUL),
    # Consultations ask anyone signed in (this one, members only); a response is
    # its author's; the responses are personal data: the theme's producers and the
    # editors see them in the admin, and everyone sees those published.
    "ConsultationIndexPage:index_route": ("get", {}, "member", EVERYONE),
    "ConsultationPage:index_route": ("get", {}, "member", EVERYONE),
    "ConsultationPage:respond": ("get", {}, "member", SIGNED_IN),
    "ConsultationPage:respond_step": ("get", {}, "member", SIGNED_IN),
    # Anyone else gets the missing page (it names no response), which tells a
    # respondent who signed out to sign in with the account they responded with.
    "ConsultationPage:your_response": (
        "get",
        {},
        "respondent",
        (MISSING,) * 5 + (OK,),
    ),
    "ConsultationPage:published_responses": ("get", {}, "member", EVERYONE),
    "ConsultationPage:follow": ("post", {}, "member", SIGNED_IN),
    "consultations_responses": ("get", {}, "producer", ONLY_RIGHTFUL),
    "consultations_response": ("get", {}, "producer", ONLY_RIGHTFUL),
    "consultations_download": ("get", {}, "producer", ONLY_RIGHTFUL),
    # Roles and producer requests are the editors' to decide.
    "theme_roles:delete": ("get", {}, "editor", ONLY_RIGHTFUL),
    "producer_requests:edit": ("get", {}, "editor", ONLY_RIGHTFUL),
    # So is lifting a bounce's suppression (a complaint's is the member's alone).
    "email_suppressions:delete": ("get", {}, "editor", ONLY_RIGHTFUL),
    # Organisations are public: whoever works in the admin (producers naming
    # theirs on a consultation, chairs, editors) may choose one.
    "wagtailsnippetchoosers_accounts_organisation:chosen": (
        "get",
        {},
        "editor",
        IN_THE_ADMIN,
    ),
    # Statistics are public; following one is for members; in the admin, a
    # statistic is its producer's (and the editors') alone.
    "catalogue:statistic": ("get", {}, "member", EVERYONE),
    "catalogue:follow": ("post", {"action": "follow"}, "member", SIGNED_IN),
    # Asking about one is starting a discussion: anyone signed in.
    "forums:ask_about_statistic": ("get", {}, "member", SIGNED_IN),
    "wagtailsnippets_catalogue_statistic:edit": ("get", {}, "producer", ONLY_RIGHTFUL),
    "wagtailsnippets_catalogue_statistic:delete": (
        "get",
        {},
        "producer",
        ONLY_RIGHTFUL,
    ),
    "wagtailsnippets_catalogue_statistic:history": (
        "get",
        {},
        "producer",
        ONLY_RIGHTFUL,
    ),
    "wagtailsnippets_catalogue_statistic:history_results": (
        "get",
        {},
        "producer",
        ONLY_RIGHTFUL,
    ),
    "wagtailsnippets_catalogue_statistic:usage": (
        "get",
        {},
        "producer",
        ONLY_RIGHTFUL,
    ),
    # Consultations, meetings and actions name any producer's statistic.
    "wagtailsnippetchoosers_catalogue_statistic:chosen": (
        "get",
        {},
        "editor",
        IN_THE_ADMIN,
    ),
    # A member's data is theirs alone: anyone else's export is not there.
    "download_data_export": ("get", {}, "exporter", (SIGNIN,) + (MISSING,) * 4 + (OK,)),
    # So is their inbox: anyone else's notification is not there.
    "open_notification": ("get", {}, "exporter", (SIGNIN,) + (MISSING,) * 4 + (OK,)),
    # Links sent by email work by their token alone, whoever follows them.
    "events:my_calendar": ("get", {}, "registrant", EVERYONE),
    "unsubscribe": ("get", {}, "member", EVERYONE),
    "catalogue:stop_emails": ("get", {}, "member", EVERYONE),
    # Sign-in with an identity provider the settings do not name (the tests name
    # none): tests/accounts/test_sign_in_with_a_provider.py walks a configured one.
    "openid_connect_login": ("post", {}, "member", NOWHERE),
    "openid_connect_callback": ("get", {}, "member", NOWHERE),
    "ConsultationPage:confirm": ("get", {}, "member", EVERYONE),
    # (Confirming then asks to sign in all but the browser that signed up:
    # tests/accounts/test_sign_in_paths.py.)
    "account_confirm_email": ("get", {}, "newcomer", EVERYONE),
    # The open read API answers everyone as a visitor: the same to all six.
    "api:thread": ("get", {}, "member", EVERYONE),
    "api:thread_replies": ("get", {}, "member", EVERYONE),
    "api:data_gap": ("get", {}, "member", EVERYONE),
    "api:meeting": ("get", {}, "member", EVERYONE),
    "api:consultation": ("get", {}, "member", EVERYONE),
    "api:consultation_responses": ("get", {}, "member", EVERYONE),
    "api:organisation": ("get", {}, "member", EVERYONE),
    "api:statistic": ("get", {}, "member", EVERYONE),
    "api:wagtailapi:pages:detail": ("get", {}, "member", EVERYONE),
}
# The same links with a token that is nobody's name nothing.
WRONG_TOKEN_MATRIX = {
    name: ("post" if name == "account_confirm_email" else "get", {}, "member", NOWHERE)
    for name in [
        "events:my_calendar",
        "unsubscribe",
        "ConsultationPage:confirm",
        "account_confirm_email",
    ]
}
# A statistic contact's stop link (they have no account to fall back on) says
# plainly that it does not work: a 400 page, to everyone alike.
WRONG_TOKEN_MATRIX["catalogue:stop_emails"] = ("get", {}, "member", ("400",) * 6)
# The same actions on a thread that reports hid: a 404 to everyone but the chair,
# as reading it is (anonymous visitors are asked to sign in before acting).
GONE = (MISSING,) * 5 + (OK,)
ACT_ON_GONE = (SIGNIN,) + (MISSING,) * 4 + (OK,)
HIDDEN_THREAD_MATRIX = {
    "forums:thread": ("get", {}, "chair", GONE),
    # A feed shows what a visitor sees, to whoever fetches it: the chair too.
    "forums:thread_feed": ("get", {}, "chair", NOWHERE),
    "forums:reply": ("post", {"comment": "Agreed."}, "chair", ACT_ON_GONE),
    "forums:follow": ("post", {}, "chair", ACT_ON_GONE),
    "forums:report_thread": ("post", {"reason": "spam"}, "chair", ACT_ON_GONE),
    "forums:like_reply": ("post", {}, "chair", ACT_ON_GONE),
    "forums:report_reply": ("post", {"reason": "spam"}, "chair", ACT_ON_GONE),
    # The API shows what a visitor sees, to whoever asks: the chair too.
    "api:thread": ("get", {}, "chair", NOWHERE),
    "api:thread_replies": ("get", {}, "chair", NOWHERE),
}


def is_ours(module_name):
    return module_name.split(".")[0] in OURS


def url_patterns():
    """(name, route) of every named pattern of ours."""
    for found in urlwalk.url_patterns():
        pattern = found.pattern
        if not pattern.name:
            continue
        view = getattr(pattern.callback, "view_class", None) or inspect.unwrap(
            pattern.callback
        )
        if is_ours(found.urlconf) or is_ours(view.__module__):
            yield found.namespace + pattern.name, found.route


def object_level_names():
    """Our addresses that name an object, our pages' own addresses and the routes
    of our routable pages."""
    names = {name for name, route in url_patterns() if "<" in route}
    names.update(f"{page_class.__name__}:index_route" for page_class in PAGES)
    for page_class in ROUTABLE_PAGES:
        names.update(
            f"{page_class.__name__}:{route.name}"
            for route in page_class.get_subpage_urls()
        )
    return names


def test_every_object_level_address_has_a_row():
    assert object_level_names() == set(MATRIX)


@pytest.fixture
def world(theme_index, editor):
    housing = ThemePageFactory(parent=theme_index, title="Housing", slug="housing")
    health = ThemePageFactory(parent=theme_index, title="Health", slug="health")
    people = {
        "outsider": UserFactory(),
        "member": UserFactory(sector="academic"),
        "author": UserFactory(),
        "replier": UserFactory(),
        "producer": appoint(housing, Role.PRODUCER, editor, OrganisationFactory()),
        "chair": appoint(housing, Role.CHAIR, editor),
        "producer_elsewhere": appoint(
            health, Role.PRODUCER, editor, OrganisationFactory()
        ),
        "chair_elsewhere": appoint(health, Role.CHAIR, editor),
        "editor": editor,
        "registrant": UserFactory(),
        "respondent": UserFactory(),
        "exporter": UserFactory(),
        "newcomer": UserFactory(verified=False),
    }
    for person in ("member", "author", "replier", "registrant", "respondent"):
        theme_services.join_theme(people[person], housing)
    thread = ThreadFactory(
        theme=housing, author=people["author"], kind="question", title="Rents"
    )
    reply = forum_services.post_reply(thread, people["replier"], "Try the survey.")
    gap = gap_services.raise_gap(
        UserFactory(), housing, title="Rents by ward", measure="M", purpose="P"
    )
    hidden = ThreadFactory(theme=housing, author=people["author"], title="Reported")
    hidden_reply = forum_services.post_reply(hidden, people["replier"], "Before.")
    Thread.objects.filter(pk=hidden.pk).update(is_public=False)
    thread_kwargs = {"theme_slug": "housing", "pk": thread.pk, "slug": thread.slug}
    gap_kwargs = {"theme_slug": "housing", "pk": gap.pk}
    theme_kwargs = {"theme_slug": "housing"}
    urls = {
        "forums:threads": reverse("forums:threads", kwargs=theme_kwargs),
        "forums:new_thread": reverse("forums:new_thread", kwargs=theme_kwargs),
        "gaps:register": reverse("gaps:register", kwargs=theme_kwargs),
        "gaps:register_feed": reverse("gaps:register_feed", kwargs=theme_kwargs),
        "gaps:new_gap": reverse("gaps:new_gap", kwargs=theme_kwargs),
        "events:theme_meetings_calendar": reverse(
            "events:theme_meetings_calendar", kwargs=theme_kwargs
        ),
        "events:theme_meetings_feed": reverse(
            "events:theme_meetings_feed", kwargs=theme_kwargs
        ),
        "consultations:theme_consultations_feed": reverse(
            "consultations:theme_consultations_feed", kwargs=theme_kwargs
        ),
        "connections:theme_feed": reverse(
            "connections:theme_feed", kwargs=theme_kwargs
        ),
        "connections:raise_gap": reverse(
            "connections:raise_gap", kwargs={"theme_slug": "housing", "pk": thread.pk}
        ),
        "forums_moderate_reply": reverse("forums_moderate_reply", args=[reply.pk]),
        "forums_moderate_thread": reverse("forums_moderate_thread", args=[thread.pk]),
        "data_gaps:triage": reverse("data_gaps:triage", args=[gap.pk]),
        "public_profile": reverse("public_profile", args=[people["author"].pk]),
        "ThemePage:index_route": housing.url,
        "api:thread": reverse("api:thread", args=[thread.pk]),
        "api:thread_replies": reverse("api:thread_replies", args=[thread.pk]),
        "api:data_gap": reverse("api:data_gap", args=[gap.pk]),
        "api:wagtailapi:pages:detail": reverse(
            "api:wagtailapi:pages:detail", args=[housing.pk]
        ),
        **statistic_urls(housing, people),
    }
    for name in MATRIX:
        if name.startswith("forums:") and name not in urls:
            kwargs = {**thread_kwargs}
            if "_reply" in name:
                kwargs["reply_id"] = reply.pk
            urls[name] = reverse(name, kwargs=kwargs)
        elif name.startswith(("gaps:", "connections:")) and name not in urls:
            urls[name] = reverse(name, kwargs=gap_kwargs)
        elif name.startswith("themes:") and name not in urls:
            urls[name] = reverse(name, kwargs=theme_kwargs)
    hidden_urls = {
        name: reverse(name, args=[hidden.pk])
        for name in HIDDEN_THREAD_MATRIX
        if name.startswith("api:")
    }
    hidden_urls |= {
        name: reverse(
            name,
            kwargs={
                "theme_slug": "housing",
                "pk": hidden.pk,
                "slug": hidden.slug,
                **({"reply_id": hidden_reply.pk} if "_reply" in name else {}),
            },
        )
        for name in HIDDEN_THREAD_MATRIX
        if not name.startswith("api:")
    }
    urls.update(meeting_urls(housing, people))
    urls.update(consultation_urls(housing, people))
    urls.update(account_urls(housing, people, editor))
    return {
        "people": people,
        "urls": urls,
        "hidden_urls": hidden_urls,
        "wrong_token_urls": wrong_token_urls(urls),
        "answer": {"reply": reply.pk},
    }


def statistic_urls(theme, people):
    """A statistic of the organisation the theme's producer answers for."""
    producer = ThemeRole.objects.get(user=people["producer"]).organisation
    statistic = StatisticFactory(producer=producer, themes=[theme])
    admin = "wagtailsnippets_catalogue_statistic:"
    return {
        "catalogue:statistic": statistic.get_absolute_url(),
        "catalogue:follow": reverse("catalogue:follow", args=[statistic.slug]),
        "catalogue:stop_emails": reverse(
            "catalogue:stop_emails",
            args=[contact_emails.stop_token("c@example.org", [statistic.pk])],
        ),
        "forums:ask_about_statistic": reverse(
            "forums:ask_about_statistic", args=[statistic.slug]
        ),
        "api:statistic": reverse("api:statistic", args=[statistic.pk]),
        **{
            admin + view: reverse(admin + view, args=[statistic.pk])
            for view in ("edit", "delete", "history", "history_results", "usage")
        },
        "wagtailsnippetchoosers_catalogue_statistic:chosen": reverse(
            "wagtailsnippetchoosers_catalogue_statistic:chosen", args=[statistic.pk]
        ),
    }


def subpage_url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def meeting_urls(theme, people):
    meeting = EventPageFactory(parent=theme, title="Rents forum", slug="rents")
    events_services.register(meeting, people["registrant"], tell_them=False)
    return {
        "MeetingIndexPage:index_route": meeting.get_parent().url,
        "EventPage:index_route": meeting.url,
        "EventPage:register": subpage_url(meeting, "register"),
        "EventPage:cancel": subpage_url(meeting, "cancel"),
        "EventPage:calendar": subpage_url(meeting, "calendar"),
        "events_meeting_attendees": reverse(
            "events_meeting_attendees", args=[meeting.pk]
        ),
        "events:my_calendar": events_services.my_calendar_url(people["registrant"]),
        "api:meeting": reverse("api:meeting", args=[meeting.pk]),
        "connections:action_status": reverse(
            "connections:action_status",
            kwargs={"theme_slug": theme.slug, "pk": agreed_action(meeting).pk},
        ),
    }


def agreed_action(meeting):
    minutes = MinutesPageFactory(parent=meeting)
    return ActionItem.objects.create(page=minutes, description="Publish", owner="X")


def consultation_urls(theme, people):
    now = timezone.now()
    organisation = OrganisationFactory()
    consultation = ConsultationPageFactory(
        parent=theme, slug="frequency", contact_organisation=organisation
    )
    response = ResponseFactory(consultation=consultation, user=people["respondent"])
    open_to_anyone = ConsultationPageFactory(
        parent=theme,
        slug="open-to-anyone",
        contact_organisation=organisation,
        who_may_respond=ConsultationPage.WhoMayRespond.ANYONE,
    )
    unconfirmed = ResponseFactory(
        consultation=open_to_anyone,
        user=None,
        email="someone@example.org",
        status=ConsultationResponse.Status.UNCONFIRMED,
        submitted_at=None,
    )
    closed = ConsultationPageFactory(
        parent=theme,
        slug="closed",
        contact_organisation=organisation,
        opens_at=now - timedelta(days=40),
        closes_at=now - timedelta(days=10),
    )
    published = ResponseFactory(consultation=closed)
    export = ResponseExport.objects.create(
        consultation=closed,
        requested_by=people["producer"],
        format=ResponseExport.Format.CSV,
        completed_at=now,
        content=b"respondent\r\n",
    )
    return {
        "ConsultationIndexPage:index_route": consultation.get_parent().url,
        "ConsultationPage:index_route": consultation.url,
        "ConsultationPage:respond": subpage_url(consultation, "respond"),
        "ConsultationPage:respond_step": subpage_url(consultation, "respond_step", 1),
        "ConsultationPage:your_response": subpage_url(
            consultation, "your_response", response.pk
        ),
        "ConsultationPage:follow": subpage_url(consultation, "follow"),
        "ConsultationPage:confirm": subpage_url(
            open_to_anyone, "confirm", unconfirmed.token
        ),
        "ConsultationPage:published_responses": subpage_url(
            closed, "published_responses"
        ),
        "consultations_responses": reverse("consultations_responses", args=[closed.pk]),
        "consultations_response": reverse(
            "consultations_response", args=[closed.pk, published.pk]
        ),
        "consultations_download": reverse(
            "consultations_download", args=[closed.pk, export.pk]
        ),
        "api:consultation": reverse("api:consultation", args=[consultation.pk]),
        "api:consultation_responses": reverse(
            "api:consultation_responses", args=[closed.pk]
        ),
        "api:organisation": reverse("api:organisation", args=[organisation.pk]),
    }


def account_urls(theme, people, editor):
    asking = UserFactory()
    producer_request = theme_services.request_producer_status(
        asking, theme, organisation=OrganisationFactory(), job_title="Statistician"
    )
    role = ThemeRole.objects.get(user=people["producer"], theme=theme)
    export = DataExport.objects.create(
        user=people["exporter"], completed_at=timezone.now(), data={}
    )
    address = EmailAddress.objects.get(user=people["newcomer"])
    kind = notifications.get_kind("question_answered")
    told = Notification.objects.create(
        user=people["exporter"],
        kind="data_export_ready",
        event_key="export:ready",
        template="data_export_ready",
        context={},
    )
    bounced = EmailSuppression.objects.create(
        user=people["member"], address=people["member"].email, reason="bounce"
    )
    return {
        "theme_roles:delete": reverse("theme_roles:delete", args=[role.pk]),
        "email_suppressions:delete": reverse(
            "email_suppressions:delete", args=[bounced.pk]
        ),
        "producer_requests:edit": reverse(
            "producer_requests:edit", args=[producer_request.pk]
        ),
        "wagtailsnippetchoosers_accounts_organisation:chosen": reverse(
            "wagtailsnippetchoosers_accounts_organisation:chosen",
            args=[role.organisation_id],
        ),
        "download_data_export": reverse("download_data_export", args=[export.pk]),
        "open_notification": reverse("open_notification", args=[told.pk]),
        "unsubscribe": reverse(
            "unsubscribe",
            args=[notifications.unsubscribe_token(people["member"], kind)],
        ),
        "account_confirm_email": reverse(
            "account_confirm_email", args=[EmailConfirmationHMAC(address).key]
        ),
        "openid_connect_login": reverse(
            "openid_connect_login", kwargs={"provider_id": "not-configured"}
        ),
        "openid_connect_callback": reverse(
            "openid_connect_callback", kwargs={"provider_id": "not-configured"}
        ),
    }


def wrong_token_urls(urls):
    """Each token link with its token replaced by one that is nobody's."""
    found = {}
    for name in WRONG_TOKEN_MATRIX:
        parts = urls[name].rstrip("/").split("/")
        suffix = ".ics" if parts[-1].endswith(".ics") else "/"
        parts[-1] = "nobodys-token" + suffix
        found[name] = "/".join(parts)
    return found


def outcome(response, signed_in):
    location = response.get("Location", "")
    if response.status_code == 404:
        return MISSING
    if response.status_code == 403:
        return DENIED
    if response.status_code == 302 and "login" in location:
        return DENIED if signed_in else SIGNIN
    if response.status_code == 302 and location.rstrip("/").endswith("/admin"):
        return DENIED  # Wagtail sends people without the right back to the dashboard
    return OK if response.status_code in (200, 302) else str(response.status_code)


def answers(client, world, matrix, urls):
    """{(name, role): (wanted, got)} for every row of the matrix and every role."""
    found = {}
    for name, (method, data, rightful, outcomes) in matrix.items():
        for role, expected in zip(ROLES, outcomes, strict=True):
            person = world["people"].get(rightful if role == "rightful" else role)
            post = world["answer"] if data == "answer" else data
            cache.clear()
            with transaction.atomic():
                # Each request's changes are rolled back: the next starts afresh.
                client.logout()
                if person is not None:
                    client.force_login(person)
                response = getattr(client, method)(urls[name], post)
                transaction.set_rollback(True)
            found[name, role] = (expected, outcome(response, person is not None))
    return found


def wrong(found):
    return {key: got for key, (wanted, got) in found.items() if wanted != got}


def test_the_permission_matrix(client, world):
    assert wrong(answers(client, world, MATRIX, world["urls"])) == {}


def test_acting_on_a_hidden_thread_is_refused_as_reading_it_is(client, world):
    found = answers(client, world, HIDDEN_THREAD_MATRIX, world["hidden_urls"])

    assert wrong(found) == {}


def test_a_token_that_is_nobodys_opens_nothing(client, world):
    found = answers(client, world, WRONG_TOKEN_MATRIX, world["wrong_token_urls"])

    assert wrong(found) == {}
