from django.urls import path
from django.views.generic import RedirectView

from accounts import views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="dashboard")),
    path("profile/", views.edit_profile, name="edit_profile"),
    path(
        "notifications/",
        views.notification_preferences,
        name="notification_preferences",
    ),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("your-data/", views.data_export, name="data_export"),
    path(
        "your-data/<id:pk>/download/",
        views.download_data_export,
        name="download_data_export",
    ),
    path("delete/", views.delete_account_view, name="delete_account"),
]
