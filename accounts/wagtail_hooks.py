from wagtail.snippets.models import register_snippet

from accounts.viewsets import OrganisationViewSet

register_snippet(OrganisationViewSet)
