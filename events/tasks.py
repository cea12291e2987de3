"""Telling registrants and members about meetings fans out in the background."""

from django_tasks import task

from events import notifications


@task()
def tell_registrants_of_change(meeting_id, changed):
    notifications.tell_registrants_of_change(meeting_id, changed)


@task()
def tell_members_of_meeting(meeting_id):
    notifications.tell_members_of_meeting(meeting_id)


@task()
def tell_of_minutes(minutes_id):
    notifications.tell_of_minutes(minutes_id)
