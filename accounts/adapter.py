from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from accounts.emails import queue_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render allauth's emails as usual, but send them in the background."""
        context = {"site_url": settings.WAGTAILADMIN_BASE_URL, **context}
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                body
                for body, mimetype in message.alternatives
                if mimetype == "text/html"
            ),
            None,
        )
        queue_email(
            message.to, message.subject, message.body, html, message.extra_headers
        )
