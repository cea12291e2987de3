from django.urls import path

from figures import views

app_name = "figures"

urlpatterns = [
    path(
        "did-this-meet-your-need/answer/<id:pk>/",
        views.answer_on_the_page,
        name="answer",
    ),
    path(
        "did-this-meet-your-need/<str:token>/",
        views.satisfaction,
        name="satisfaction",
    ),
    path("themes/<slug:theme_slug>/figures/", views.theme_figures, name="theme"),
    path(
        "themes/<slug:theme_slug>/figures/<slug:figure>.csv",
        views.theme_figure_csv,
        name="theme_csv",
    ),
    path(
        "organisations/<id:pk>/figures/",
        views.organisation_figures,
        name="organisation",
    ),
    path(
        "organisations/<id:pk>/figures/<slug:figure>.csv",
        views.organisation_figure_csv,
        name="organisation_csv",
    ),
]
