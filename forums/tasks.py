"""Telling people about new threads and replies fans out in the background."""

from django_tasks import task

from forums import notifications


@task()
def tell_followers(reply_id):
    notifications.tell_followers_of_reply(reply_id)


@task()
def tell_theme_members(thread_id):
    notifications.tell_members_of_thread(thread_id)
