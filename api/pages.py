"""Wagtail's pages API (/api/v2/pages/), showing only what the pages show a visitor.

Wagtail's own rule is live pages that no restriction refuses *this request*; ours is
stricter, as the API answers everyone as a visitor: no page under any view
restriction (`public()`), and nothing under a theme that is not published, whose
sections answer 404 although their pages are live (docs/architecture.md).
"""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from themes.models import ThemePage

NAMESPACE = "api:wagtailapi"


class PublicPagesAPIViewSet(PagesAPIViewSet):
    # No browsable HTML: its scripts and styles would need the CSP opened.
    renderer_classes = [JSONRenderer]

    def get_base_queryset(self):
        pages = super().get_base_queryset().public()
        page_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
        unpublished_theme = (
            ThemePage.objects.not_live()
            .alias(page_path=page_path)
            .filter(page_path__startswith=F("path"))
        )
        return pages.exclude(Exists(unpublished_theme))


pages_router = WagtailAPIRouter(NAMESPACE)
pages_router.register_endpoint("pages", PublicPagesAPIViewSet)
