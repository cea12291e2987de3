from django.urls import include, path

from consultations.feeds import ConsultationsFeed
from consultations.views import listing

app_name = "consultations"

theme_patterns = [
    path("consultations.atom", ConsultationsFeed(), name="theme_consultations_feed"),
]

urlpatterns = [
    path("consultations/", listing.consultation_list, name="consultations"),
    path("consultations.atom", ConsultationsFeed(), name="consultations_feed"),
    path("themes/<slug:theme_slug>/", include(theme_patterns)),
]
