from django.urls import include, path

from accounts.openid_connect import views

# allauth's URL names, so its provider builds the same links to these views.
urlpatterns = [
    path(
        "oidc/<str:provider_id>/",
        include(
            [
                path("login/", views.login, name="openid_connect_login"),
                path(
                    "login/callback/",
                    views.callback,
                    name="openid_connect_callback",
                ),
            ]
        ),
    )
]
