from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django_tasks import task


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
def build_data_export(export_id):
    # services queues this task, so it is imported here rather than at the top.
    from accounts.models import DataExport
    from accounts.services import complete_data_export

    # Once only: run again (its worker died), it finds the export done and tells
    # nobody twice; the copy and its email are committed together or not at all.
    with transaction.atomic():
        waiting = DataExport.objects.select_for_update().filter(
            pk=export_id, completed_at__isnull=True
        )
        if waiting.exists():
            complete_data_export(export_id)
