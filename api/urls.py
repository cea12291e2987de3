from django.urls import include, path
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView

from api import views
from api.documentation import documentation
from api.pages import pages_router

app_name = "api"


def listing(viewset):
    return viewset.as_view({"get": "list"})


def record(viewset):
    return viewset.as_view({"get": "retrieve"})


# /api/v2/: Wagtail's pages API and ours, side by side (docs/architecture.md).
v2_patterns = [
    path("", views.Root.as_view(), name="root"),
    path("", include((pages_router.get_urlpatterns(), "wagtailapi"))),
    path("threads/", listing(views.ThreadViewSet), name="threads"),
    path("threads/<id:pk>/", record(views.ThreadViewSet), name="thread"),
    path(
        "threads/<id:thread_pk>/replies/",
        listing(views.ReplyViewSet),
        name="thread_replies",
    ),
    path("data-gaps/", listing(views.DataGapViewSet), name="data_gaps"),
    path("data-gaps/<id:pk>/", record(views.DataGapViewSet), name="data_gap"),
    path("meetings/", listing(views.MeetingViewSet), name="meetings"),
    path("meetings/<id:pk>/", record(views.MeetingViewSet), name="meeting"),
    path("consultations/", listing(views.ConsultationViewSet), name="consultations"),
    path(
        "consultations/<id:pk>/",
        record(views.ConsultationViewSet),
        name="consultation",
    ),
    path(
        "consultations/<id:consultation_pk>/responses/",
        listing(views.ResponseViewSet),
        name="consultation_responses",
    ),
    path("organisations/", listing(views.OrganisationViewSet), name="organisations"),
    path(
        "organisations/<id:pk>/",
        record(views.OrganisationViewSet),
        name="organisation",
    ),
    path("contacts/", listing(views.ContactViewSet), name="contacts"),
    path("statistics/", listing(views.StatisticViewSet), name="statistics"),
    path("statistics/<id:pk>/", record(views.StatisticViewSet), name="statistic"),
]

urlpatterns = [
    path("api/", documentation, name="documentation"),
    # JSON; YAML for a client that asks (Accept: application/vnd.oai.openapi).
    path(
        "api/schema/",
        SpectacularAPIView.as_view(
            renderer_classes=[OpenApiJsonRenderer, OpenApiYamlRenderer]
        ),
        name="schema",
    ),
    path("api/v2/", include(v2_patterns)),
]
