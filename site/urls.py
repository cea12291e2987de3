from allauth.urls import build_provider_urlpatterns
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from home import views as home_views

# Addresses that are the same in every language: the admin, the API, documents,
# machine-read files, and the identity providers' callbacks (registered with each
# provider as one exact address). These come first: the English pages below have
# no prefix, and Wagtail's pages match any address.
urlpatterns = [
    # Wagtail's own sign-in form would skip two-factor authentication: everyone signs
    # in through allauth.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    # Organisations moved from themes to accounts: old admin links still work.
    re_path(
        r"^admin/snippets/themes/organisation/(?P<rest>.*)$",
        RedirectView.as_view(
            url="/admin/snippets/accounts/organisation/%(rest)s",
            permanent=True,
            query_string=True,
        ),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include(build_provider_urlpatterns())),
    path("", include("api.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every page people read, in English at its address and in Welsh under /cy/. The
# language comes from the address alone (core/languages.py).
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    # allauth's own pages (allauth.urls, without the providers' addresses above).
    path("accounts/", include("allauth.account.urls")),
    path("accounts/2fa/", include("allauth.mfa.urls")),
    path("accounts/3rdparty/", include("allauth.socialaccount.urls")),
    path("my/", home_views.dashboard, name="dashboard"),
    path(
        "my/notifications/",
        accounts_views.notification_inbox,
        name="notification_inbox",
    ),
    path(
        "my/notifications/read/",
        accounts_views.mark_all_notifications_read,
        name="mark_all_notifications_read",
    ),
    path(
        "my/notifications/<id:pk>/",
        accounts_views.open_notification,
        name="open_notification",
    ),
    path("people/<id:pk>/", accounts_views.public_profile, name="public_profile"),
    path("search/", home_views.search, name="search"),
    # Member-made content and the features' site-wide lists: each app's own
    # urls.py, mounted the same way, before Wagtail's pages (docs/architecture.md).
    path("", include("themes.urls")),
    path("", include("catalogue.urls")),
    path("", include("forums.urls")),
    path("", include("events.urls")),
    path("", include("gaps.urls")),
    path("", include("consultations.urls")),
    path("", include("connections.urls")),
    path("", include("figures.urls")),
    path("", include("home.urls")),
    # Wagtail's front-end sign-in (for private pages) is Django's LoginView: it
    # would skip allauth's rate limits, verification and two-factor check.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A database that is down gets a 503 asking to try again, not a 500.
handler400 = "core.errors.bad_request"
handler500 = "core.errors.server_error"
