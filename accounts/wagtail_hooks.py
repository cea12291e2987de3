from wagtail import hooks
from wagtail.snippets.models import register_snippet

from accounts.admin_views import EmailSuppressionViewSet, InboundMessageViewSet
from accounts.viewsets import OrganisationViewSet

register_snippet(OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_suppression_viewset():
    return EmailSuppressionViewSet()


@hooks.register("register_admin_viewset")
def register_emails_received_viewset():
    return InboundMessageViewSet()
