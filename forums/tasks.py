"""Telling people about new threads and replies fans out in the background."""

from django_tasks import task

from forums import notifications


@task()
def tell_followers(reply_id):
    notifications.tell_followers_of_reply(reply_id)
    notifications.tell_mentioned_in_reply(reply_id)


@task()
def tell_theme_members(thread_id):
    notifications.tell_members_of_thread(thread_id)
    notifications.tell_mentioned_in_thread(thread_id)
    notifications.tell_followers_of_statistics(thread_id)


@task()
def tell_mentioned_after_edit(reply_id=None, thread_id=None):
    """An edit may mention new members: they hear of it, the others already did."""
    if reply_id is not None:
        notifications.tell_mentioned_in_reply(reply_id)
    if thread_id is not None:
        notifications.tell_mentioned_in_thread(thread_id)
