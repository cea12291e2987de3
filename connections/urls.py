from django.urls import include, path

from connections import views
from connections.feeds import ThemeActivityFeed

app_name = "connections"

theme_patterns = [
    path(
        "data-gaps/<id:pk>/links/",
        views.edit_links,
        name="gap_links",
    ),
    path(
        "discussions/<id:pk>/raise-gap/",
        views.raise_gap_from_thread,
        name="raise_gap",
    ),
    path(
        "actions/<id:pk>/status/",
        views.update_action_status,
        name="action_status",
    ),
    path("activity.atom", ThemeActivityFeed(), name="theme_feed"),
]

urlpatterns = [path("themes/<slug:theme_slug>/", include(theme_patterns))]
