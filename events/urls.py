from django.urls import include, path

from events import views
from events.feeds import MeetingsFeed

app_name = "events"

theme_patterns = [
    path("meetings.ics", views.theme_calendar, name="theme_meetings_calendar"),
    path("meetings.atom", MeetingsFeed(), name="theme_meetings_feed"),
]

urlpatterns = [
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/mine/<slug:token>.ics", views.my_calendar, name="my_calendar"),
    path(
        "meetings/mine/new-address/",
        views.new_calendar_address,
        name="new_calendar_address",
    ),
    path("meetings.ics", views.all_calendar, name="meetings_calendar"),
    path("meetings.atom", MeetingsFeed(), name="meetings_feed"),
    path("themes/<slug:theme_slug>/", include(theme_patterns)),
]
