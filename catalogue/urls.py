from django.urls import path

from catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("statistics/", views.statistic_list, name="statistics"),
    path("statistics/<slug:slug>/", views.statistic_detail, name="statistic"),
    path("statistics/<slug:slug>/follow/", views.follow, name="follow"),
    path("contacts/", views.contacts, name="contacts"),
    path("contacts/stop/<str:token>/", views.stop_emails, name="stop_emails"),
]
