"""Every email the site sends is rendered here, as HTML and plain text, then queued."""

from django.conf import settings
from django.template.loader import render_to_string

from accounts.tasks import send_email


def render_email(template_prefix, context):
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html`."""
    context = {"site_url": settings.WAGTAILADMIN_BASE_URL, **context}
    subject = render_to_string(f"{template_prefix}_subject.txt", context, using="text")
    text = render_to_string(f"{template_prefix}.txt", context, using="text")
    return (
        " ".join(subject.split()),
        text.strip() + "\n",
        render_to_string(f"{template_prefix}.html", context),
    )


def queue_email(to, subject, text, html=None, headers=None, attachments=()):
    """Send in the background: a slow mail server never holds up a page.

    `attachments` are (filename, text content, MIME type) triples.
    """
    return send_email.enqueue(
        to=list(to),
        subject=subject,
        text=text,
        html=html,
        headers=headers or {},
        attachments=[list(attachment) for attachment in attachments],
    )
