from django.urls import include, path

from gaps.feeds import GapFeed
from gaps.views import gap, register, triage

app_name = "gaps"

# One implementation serves a theme's register and every theme's.
theme_patterns = [
    path("data-gaps/", register.register, name="register"),
    path("data-gaps/feed/", register.feed, name="register_feed"),
    path("data-gaps/new/", gap.new_gap, name="new_gap"),
    path("data-gaps/<id:pk>/", gap.gap_detail, name="gap"),
    path("data-gaps/<id:pk>/feed/", GapFeed(), name="gap_feed"),
    path("data-gaps/<id:pk>/support/", gap.support, name="support"),
    path("data-gaps/<id:pk>/withdraw/", gap.withdraw, name="withdraw"),
    path("data-gaps/<id:pk>/follow/", gap.follow, name="follow"),
    path("data-gaps/<id:pk>/triage/", triage.triage, name="triage"),
    path("data-gaps/<id:pk>/approve/", triage.approve, name="approve"),
    path("data-gaps/<id:pk>/reject/", triage.reject, name="reject"),
]

urlpatterns = [
    path("data-gaps/", register.register, name="all"),
    path("data-gaps/feed/", register.feed, name="all_feed"),
    path("data-gaps/similar/", gap.similar, name="similar"),
    path("themes/<slug:theme_slug>/", include(theme_patterns)),
]
