from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task

from core.once import complete_once


@task()
def send_email(to, subject, text, html=None, headers=None, attachments=()):
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


@task()
def deliver_notifications(ids):
    """Send these outbox rows; run again, it sends only what is still unsent."""
    from accounts import outbox

    outbox.deliver(ids)


@task()
def send_digest(user_id, cadence, period):
    from accounts import digests

    digests.send_digest(user_id, cadence, period)


@task()
def build_data_export(export_id):
    # services queues this task, so it is imported here rather than at the top.
    from accounts.models import DataExport
    from accounts.services import complete_data_export

    # Run again (its worker died), it finds the export done and tells nobody twice.
    complete_once(DataExport, export_id, complete_data_export)


@task()
def process_inbound_message(message_id):
    """Read one email the listener kept; run again, it finds it read."""
    from accounts import inbound

    inbound.process(message_id)
