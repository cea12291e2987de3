from django.urls import include, path

from themes import views

app_name = "themes"

theme_patterns = [
    path("join/", views.join_theme, name="join"),
    path("leave/", views.leave_theme, name="leave"),
    path("members/", views.theme_members, name="members"),
    path("become-a-producer/", views.producer_request, name="producer_request"),
]

urlpatterns = [
    path("themes/<slug:theme_slug>/", include(theme_patterns)),
]
