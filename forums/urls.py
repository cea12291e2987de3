from django.urls import include, path

from forums import views
from forums.feeds import ThreadFeed

app_name = "forums"

# A theme's discussions, under /themes/<theme_slug>/discussions/.
discussion_patterns = [
    path("", views.thread_list, name="threads"),
    path("new/", views.new_thread, name="new_thread"),
    path("<id:pk>-<slug:slug>/", views.thread_detail, name="thread"),
    path("<id:pk>-<slug:slug>/feed/", ThreadFeed(), name="thread_feed"),
    path("<id:pk>-<slug:slug>/reply/", views.reply, name="reply"),
    path("<id:pk>-<slug:slug>/follow/", views.follow, name="follow"),
    path("<id:pk>-<slug:slug>/edit/", views.edit_thread, name="edit_thread"),
    path("<id:pk>-<slug:slug>/delete/", views.delete_thread, name="delete_thread"),
    path("<id:pk>-<slug:slug>/report/", views.report_thread, name="report_thread"),
    path("<id:pk>-<slug:slug>/answer/", views.mark_answer, name="mark_answer"),
    path("<id:pk>-<slug:slug>/moderate/", views.moderate_thread, name="moderate"),
    path(
        "<id:pk>-<slug:slug>/replies/<id:reply_id>/edit/",
        views.edit_reply,
        name="edit_reply",
    ),
    path(
        "<id:pk>-<slug:slug>/replies/<id:reply_id>/like/",
        views.like_reply,
        name="like_reply",
    ),
    path(
        "<id:pk>-<slug:slug>/replies/<id:reply_id>/report/",
        views.report_reply,
        name="report_reply",
    ),
    path(
        "<id:pk>-<slug:slug>/replies/<id:reply_id>/delete/",
        views.delete_reply,
        name="delete_reply",
    ),
]

theme_patterns = [path("discussions/", include(discussion_patterns))]

urlpatterns = [
    path("themes/<slug:theme_slug>/", include(theme_patterns)),
    path(
        "statistics/<slug:slug>/ask/",
        views.ask_about_statistic,
        name="ask_about_statistic",
    ),
]
