from allauth.account import views as allauth_views
from allauth.decorators import rate_limit
from django.urls import path, re_path
from django.views.generic import RedirectView

from accounts import views
from accounts.two_factor import ActivateAuthenticatorAppView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="dashboard")),
    path("profile/", views.edit_profile, name="edit_profile"),
    path(
        "notifications/",
        views.notification_preferences,
        name="notification_preferences",
    ),
    path("email/resume/", views.resume_email_view, name="resume_email"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("your-data/", views.data_export, name="data_export"),
    path(
        "your-data/<id:pk>/download/",
        views.download_data_export,
        name="download_data_export",
    ),
    path("delete/", views.delete_account_view, name="delete_account"),
    # These two come before allauth's own, which they replace. A confirmation link
    # signs in the browser that signed up: limited, like allauth's reset links.
    re_path(
        r"^confirm-email/(?P<key>[-:\w]+)/$",
        rate_limit(action="confirm_email_link")(allauth_views.confirm_email),
        name="account_confirm_email",
    ),
    path(
        "2fa/totp/activate/",
        ActivateAuthenticatorAppView.as_view(),
        name="mfa_activate_totp",
    ),
]
