"""Emails and large downloads are made in the background."""

from django_tasks import task

from consultations import exports, notifications
from consultations.models import ResponseExport
from core.once import complete_once


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
    # Run again (its worker died), it finds the download built and tells nobody twice.
    complete_once(ResponseExport, export_id, build_and_tell)


def build_and_tell(export_id):
    notifications.tell_download_ready(exports.build_export(export_id))
