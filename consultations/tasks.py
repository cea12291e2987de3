"""Emails and large downloads are made in the background."""

from django_tasks import task

from consultations import exports, notifications


@task()
def tell_members_opened(consultation_id):
    notifications.tell_members_opened(consultation_id)


@task()
def send_response_copy(response_id, resubmission=False):
    notifications.send_response_copy(response_id, resubmission)


@task()
def ask_to_confirm_response(response_id):
    notifications.ask_to_confirm_response(response_id)


@task()
def tell_of_outcome(consultation_id):
    notifications.tell_of_outcome(consultation_id)


@task()
def tell_of_overdue_outcome(consultation_id):
    notifications.tell_of_overdue_outcome(consultation_id)


@task()
def build_response_export(export_id):
    export = exports.build_export(export_id)
    notifications.tell_download_ready(export)
