from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("mine/<slug:token>.ics", views.my_calendar, name="my_calendar"),
    path("mine/new-address/", views.new_calendar_address, name="new_calendar_address"),
]
