"""Home's own addresses beside the dashboard and search (written in site/urls.py):
get involved, as a page, an Atom feed and a calendar."""

from django.urls import path

from home import feeds, views

app_name = "home"

urlpatterns = [
    path("get-involved/", views.get_involved, name="get_involved"),
    path("get-involved.atom", feeds.GetInvolvedFeed(), name="get_involved_feed"),
    path("get-involved.ics", feeds.calendar, name="get_involved_calendar"),
]
