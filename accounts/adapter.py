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

    def get_login_stages(self):
        """allauth's steps of a sign-in, with its second-factor step ours: the one
        that takes a provider's proof of a second factor (accounts/two_factor.py)."""
        return [
            "accounts.two_factor.AuthenticateStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in super().get_login_stages()
        ]
