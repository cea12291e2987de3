"""Telling people about a gap's progress fans out in the background."""

from django_tasks import task

from gaps import notifications


@task()
def tell_of_update(update_id):
    notifications.tell_of_update(update_id)


@task()
def tell_followers_of_statistics(gap_id):
    notifications.tell_followers_of_statistics(gap_id)
