"""The API's lists and records: read only, as a visitor sees them, a page at a time.

Each list is its page's list: the same filter form and the same queryset function
(forums.listing, events.listing, consultations.listing, gaps.register), the same
visibility rule (themes.roles.public_posts, pages in public themes only). Only GET
(and HEAD, OPTIONS) are routed: any other method is a 405.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_noop
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.viewsets import GenericViewSet

from accounts.models import Organisation
from api import filters
from api.serializers import (
    ConsultationSerializer,
    ContactSerializer,
    MeetingSerializer,
    OrganisationSerializer,
    ReplySerializer,
    ResponseSerializer,
    StatisticSerializer,
    ThreadSerializer,
)
from catalogue import contacts as contact_list
from catalogue.forms import StatisticFilters
from catalogue.listing import listed_statistics
from catalogue.models import Statistic
from consultations.forms import ConsultationFilters
from consultations.listing import listed_consultations
from consultations.models import ConsultationPage
from consultations.questions import all_questions
from consultations.services import publication
from core.ids import ID_PATTERN
from core.translation import of_record
from events.forms import MeetingFilters
from events.listing import listed_meetings
from events.models import EventPage, MeetingRegistration
from forums.listing import listed_threads
from forums.models import Thread
from forums.visibility import replies_visible_to
from gaps.exports import gap_rows, gap_urls, with_topics
from gaps.models import DataGap
from gaps.register import RegisterFilters, register_of
from gaps.serializers import DataGapSerializer
from themes import roles


class TooManyRequests(Throttled):
    default_detail = "Too many requests from your address."
    extra_detail_singular = "Try again in {wait} second."
    extra_detail_plural = "Try again in {wait} seconds."


class ReadOnly(GenericViewSet):
    """What every list and record of the API shares: the id route, the 429's words."""

    lookup_value_regex = ID_PATTERN

    def throttled(self, request, wait):
        raise TooManyRequests(wait)

    def paginated(self, items, **context):
        page = self.paginate_queryset(items)
        data = self.get_serializer(page, many=True, context=self.context(**context))
        return self.get_paginated_response(data.data)

    def one(self, item, **context):
        return Response(self.get_serializer(item, context=self.context(**context)).data)

    def context(self, **extra):
        return {**self.get_serializer_context(), **extra}


THEME_SLUG = gettext_noop("A public theme's slug, as in its address.")


def theme_parameter(description=THEME_SLUG):
    return OpenApiParameter("theme", filters.SLUG_SCHEMA, description=description)


@extend_schema_view(
    list=extend_schema(
        summary=gettext_noop("Discussions and questions"),
        description=gettext_noop(
            "As a theme's discussions list shows them: pinned first."
        ),
        parameters=[
            theme_parameter(),
            OpenApiParameter(
                "sort",
                str,
                enum=["latest", "newest", "unanswered"],
                description=gettext_noop("unanswered: questions with no answer yet."),
            ),
            OpenApiParameter("topic", str, description=gettext_noop("A topic's slug.")),
        ],
    ),
    retrieve=extend_schema(summary=gettext_noop("A discussion or question")),
)
class ThreadViewSet(ReadOnly):
    serializer_class = ThreadSerializer

    def get_queryset(self):
        return (
            roles.public_posts(Thread.objects.all())
            .select_related("theme", "author", "answered_by")
            .prefetch_related("topics")
        )

    def list(self, request):
        form = filters.ThreadListFilters(request.query_params, themes=filters.themes())
        threads = listed_threads(self.get_queryset(), filters.chosen(form))
        if theme := form.chosen_theme():
            threads = threads.filter(theme=theme)
        page = self.paginate_queryset(threads)
        return self.get_paginated_response(
            self.get_serializer(page, many=True, context=self.badges(page)).data
        )

    def retrieve(self, request, pk):
        thread = get_object_or_404(self.get_queryset(), pk=pk)
        return self.one(thread, **self.badges([thread]))

    def badges(self, threads):
        pairs = [(thread.theme_id, thread.author_id) for thread in threads]
        return self.context(badges=roles.badges_for(pairs))


@extend_schema_view(
    list=extend_schema(
        summary=gettext_noop("The replies to a discussion"),
        description=gettext_noop(
            "In the order of the thread's page; deleted, held and hidden "
            "replies are left out."
        ),
    )
)
class ReplyViewSet(ReadOnly):
    serializer_class = ReplySerializer
    queryset = Thread.objects.none()

    def list(self, request, thread_pk):
        thread = get_object_or_404(
            roles.public_posts(Thread.objects.all()).select_related("theme"),
            pk=thread_pk,
        )
        replies = (
            replies_visible_to(AnonymousUser(), thread)
            .select_related("user")
            .order_by("thread_id", "order")
        )
        page = self.paginate_queryset(replies)
        pairs = [(thread.theme_id, reply.user_id) for reply in page]
        context = self.context(badges=roles.badges_for(pairs), theme_id=thread.theme_id)
        return self.get_paginated_response(
            self.get_serializer(page, many=True, context=context).data
        )


@extend_schema_view(
    list=extend_schema(
        summary=gettext_noop("The data-gap register"),
        description=gettext_noop(
            "Every public theme's register, with the register page's "
            "filters. The same records as its CSV and JSON downloads."
        ),
        parameters=[
            theme_parameter(),
            OpenApiParameter(
                "status",
                str,
                description=gettext_noop("A status, or 'open' for any not yet closed."),
                enum=["open", *DataGap.Status.values],
            ),
            OpenApiParameter(
                "organisation",
                filters.ID_SCHEMA,
                description=gettext_noop("Owned by (its id)."),
            ),
            OpenApiParameter(
                "tag", filters.SLUG_SCHEMA, description=gettext_noop("A topic's slug.")
            ),
            OpenApiParameter("sort", str, enum=["updated", "supported", "newest"]),
        ],
    ),
    retrieve=extend_schema(summary=gettext_noop("A data gap")),
)
class DataGapViewSet(ReadOnly):
    serializer_class = DataGapSerializer
    queryset = DataGap.objects.none()

    def list(self, request):
        site_url = request.build_absolute_uri("/").rstrip("/")
        found = register_of(None, request.query_params, site_url=site_url)
        filters.chosen(RegisterFilters(request.query_params, **found.choices))
        page = self.paginate_queryset(gap_rows(found.gaps()))
        return self.get_paginated_response(
            self.get_serializer(
                with_topics(page), many=True, context={"gap_url": gap_urls(site_url)}
            ).data
        )

    def retrieve(self, request, pk):
        row = gap_rows(DataGap.objects.visible().filter(pk=pk)).first()
        if row is None:
            raise NotFound
        site_url = request.build_absolute_uri("/").rstrip("/")
        serializer = self.get_serializer(context={"gap_url": gap_urls(site_url)})
        return Response(serializer.to_representation(with_topics([row])[0]))


def listed_pages(pages):
    """A page of meetings or consultations with their themes, in one more query."""
    pages = list(pages)
    EventPage.attach_themes(pages)
    return pages


@extend_schema_view(
    list=extend_schema(
        summary=gettext_noop("Meetings"),
        description=gettext_noop(
            "Upcoming meetings, soonest first, as the meetings list shows "
            "them; past ones with when=past, newest first."
        ),
        parameters=[
            theme_parameter(),
            OpenApiParameter("when", str, enum=["past"]),
            OpenApiParameter("format", str, enum=EventPage.Format.values),
        ],
    ),
    retrieve=extend_schema(summary=gettext_noop("A meeting")),
)
class MeetingViewSet(ReadOnly):
    serializer_class = MeetingSerializer
    queryset = EventPage.objects.none()

    def list(self, request):
        form = MeetingFilters(request.query_params, themes=filters.themes())
        meetings = listed_meetings(filters.chosen(form), form.chosen_theme())
        page = self.paginate_queryset(with_places_taken(meetings))
        return self.get_paginated_response(
            self.get_serializer(listed_pages(page), many=True).data
        )

    def retrieve(self, request, pk):
        meetings = roles.public_pages(EventPage.objects.all())
        meeting = get_object_or_404(with_places_taken(meetings), pk=pk)
        return self.one(listed_pages([meeting])[0])


def with_places_taken(meetings):
    """Each meeting's confirmed registrations, for its places left."""
    confirmed = (
        MeetingRegistration.objects.filter(
            meeting=OuterRef("pk"), status=MeetingRegistration.Status.CONFIRMED
        )
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return meetings.annotate(confirmed_count=Coalesce(Subquery(confirmed), 0))


@extend_schema_view(
    list=extend_schema(
        summary=gettext_noop("Consultations"),
        description=gettext_noop(
            "Open ones first, then those to come, then closed ones, as the "
            "consultations list shows them."
        ),
        parameters=[
            theme_parameter(),
            OpenApiParameter(
                "state", str, enum=["forthcoming", "open", "closed", "outcome"]
            ),
        ],
    ),
    retrieve=extend_schema(summary=gettext_noop("A consultation")),
)
class ConsultationViewSet(ReadOnly):
    serializer_class = ConsultationSerializer

    def get_queryset(self):
        return listed_consultations({}).select_related("contact_organisation")

    def list(self, request):
        form = ConsultationFilters(request.query_params, themes=filters.themes())
        consultations = listed_consultations(
            filters.chosen(form), form.chosen_theme()
        ).select_related("contact_organisation")
        page = self.paginate_queryset(consultations)
        return self.get_paginated_response(
            self.get_serializer(listed_pages(page), many=True).data
        )

    def retrieve(self, request, pk):
        consultation = get_object_or_404(self.get_queryset(), pk=pk)
        return self.one(listed_pages([consultation])[0])


@extend_schema_view(
    list=extend_schema(
        summary=gettext_noop("A consultation's published responses"),
        description=gettext_noop(
            "After it closes: the responses whose authors agreed, named as "
            "they agreed; none withheld. A 404 before it closes."
        ),
    )
)
class ResponseViewSet(ReadOnly):
    serializer_class = ResponseSerializer
    queryset = ConsultationPage.objects.none()

    def list(self, request, consultation_pk):
        consultation = get_object_or_404(listed_consultations({}), pk=consultation_pk)
        if not consultation.has_closed:
            raise NotFound(
                "Responses are published after the consultation closes, at "
                f"{consultation.closes_at.isoformat()}."
            )
        page = self.paginate_queryset(publication.published_responses(consultation))
        context = self.context(questions=all_questions(consultation.sections))
        return self.get_paginated_response(
            self.get_serializer(page, many=True, context=context).data
        )


@extend_schema_view(
    list=extend_schema(
        summary=gettext_noop("Organisations"),
        description=gettext_noop(
            "Producers of statistics and bodies of their users, by name."
        ),
        parameters=[
            theme_parameter(
                gettext_noop("Those taking part in this theme (its slug).")
            ),
            OpenApiParameter("kind", str, enum=Organisation.Kind.values),
        ],
    ),
    retrieve=extend_schema(summary=gettext_noop("An organisation")),
)
class OrganisationViewSet(ReadOnly):
    serializer_class = OrganisationSerializer

    def get_queryset(self):
        themes = roles.public_themes().order_by("title")
        return (
            of_record(Organisation.objects)
            .prefetch_related(
                Prefetch("themes", queryset=themes, to_attr="public_themes")
            )
            .order_by("name", "pk")
        )

    def list(self, request):
        form = filters.OrganisationFilters(
            request.query_params, themes=filters.themes()
        )
        chosen = filters.chosen(form)
        organisations = self.get_queryset()
        if theme := form.chosen_theme():
            organisations = organisations.filter(themes=theme)
        if chosen.get("kind"):
            organisations = organisations.filter(kind=chosen["kind"])
        return self.paginated(organisations)

    def retrieve(self, request, pk):
        return self.one(get_object_or_404(self.get_queryset(), pk=pk))


@extend_schema_view(
    list=extend_schema(
        summary=gettext_noop("Who to talk to"),
        description=gettext_noop(
            "Everyone /contacts/ lists, by name: each public theme's contacts and "
            "each statistic's, with the same filters (their pages give their email "
            "addresses)."
        ),
        parameters=[
            theme_parameter(
                gettext_noop(
                    "A public theme's slug: its own contacts and its statistics'."
                )
            ),
            OpenApiParameter(
                "organisation",
                filters.ID_SCHEMA,
                description=gettext_noop(
                    "Its id: a theme contact's organisation or a statistic's producer."
                ),
            ),
            OpenApiParameter(
                "statistic",
                filters.SLUG_SCHEMA,
                description=gettext_noop("A statistic's slug: its own contacts."),
            ),
            OpenApiParameter(
                "q",
                {"type": "string", "maxLength": 100},
                description=gettext_noop(
                    "Words in a name, role, subject, organisation or statistic."
                ),
            ),
        ],
    )
)
class ContactViewSet(ReadOnly):
    serializer_class = ContactSerializer

    def list(self, request):
        choices = contact_list.filter_choices()
        form = contact_list.ContactFilters(request.query_params, **choices)
        rows = contact_list.listed_contacts(
            filters.chosen(form, filters.CONTACT_NAMING), form.chosen_theme()
        )
        page = self.paginate_queryset(rows)
        data = self.get_serializer(
            contact_list.contacts_for(page), many=True, context=self.context()
        )
        return self.get_paginated_response(data.data)


@extend_schema_view(
    list=extend_schema(
        summary=gettext_noop("Statistics"),
        description=gettext_noop(
            "The statistics discussed here, by name, as the statistics list "
            "shows them, with the same filters."
        ),
        parameters=[
            theme_parameter(
                gettext_noop("Those belonging to this public theme (its slug).")
            ),
            OpenApiParameter(
                "producer",
                filters.ID_SCHEMA,
                description=gettext_noop("Produced by (its id)."),
            ),
            OpenApiParameter("status", str, enum=Statistic.Status.values),
        ],
    ),
    retrieve=extend_schema(summary=gettext_noop("A statistic")),
)
class StatisticViewSet(ReadOnly):
    serializer_class = StatisticSerializer

    def get_queryset(self):
        return described(listed_statistics({}))

    def list(self, request):
        producers = of_record(
            Organisation.objects.filter(statistics__isnull=False)
        ).distinct()
        form = StatisticFilters(
            request.query_params, themes=filters.themes(), producers=producers
        )
        statistics = listed_statistics(filters.chosen(form), form.chosen_theme())
        return self.paginated(described(statistics))

    def retrieve(self, request, pk):
        return self.one(get_object_or_404(self.get_queryset(), pk=pk))


def described(statistics):
    """Statistics with what their records show: public themes and contacts, in two
    more queries."""
    themes = roles.public_themes().order_by("title")
    return statistics.prefetch_related(
        Prefetch("themes", queryset=themes, to_attr="public_themes"), "contacts"
    )


ENDPOINTS = {
    "pages": "api:wagtailapi:pages:listing",
    "threads": "api:threads",
    "data_gaps": "api:data_gaps",
    "meetings": "api:meetings",
    "consultations": "api:consultations",
    "organisations": "api:organisations",
    "contacts": "api:contacts",
    "statistics": "api:statistics",
}


class Root(APIView):
    """Where each list is, with the schema and its documentation."""

    @extend_schema(
        summary=gettext_noop("Where each list is"),
        responses=inline_serializer(
            "Root",
            {
                **{name: serializers.URLField() for name in ENDPOINTS},
                "schema": serializers.URLField(),
                "documentation": serializers.URLField(),
            },
        ),
    )
    def get(self, request):
        addresses = {
            **{name: reverse(route) for name, route in ENDPOINTS.items()},
            "schema": reverse("api:schema"),
            "documentation": reverse("api:documentation"),
        }
        return Response(
            {name: request.build_absolute_uri(path) for name, path in addresses.items()}
        )

    def throttled(self, request, wait):
        raise TooManyRequests(wait)
