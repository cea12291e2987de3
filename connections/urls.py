from django.urls import include, path

from connections import views

app_name = "connections"

theme_patterns = [
    path(
        "data-gaps/<id:pk>/links/",
        views.edit_links,
        name="gap_links",
    ),
]

urlpatterns = [path("themes/<slug:theme_slug>/", include(theme_patterns))]
