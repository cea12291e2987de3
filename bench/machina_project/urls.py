"""The forum under /forum/ (machina's docs) and Django's own sign-in form."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("forum/", include("machina.urls")),
]
