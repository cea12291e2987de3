from django.urls import path

from connections import views

app_name = "connections"

urlpatterns = [
    path(
        "themes/<slug:theme_slug>/data-gaps/<id:pk>/links/",
        views.edit_links,
        name="gap_links",
    ),
]
