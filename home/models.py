from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import translation
from core.blocks import ContentBlock
from forums.models import Thread
from themes.models import ThemeIndexPage, ThemePage


class HomePage(Page):
    intro = models.TextField(
        help_text="What the site is for, in a sentence or two. Shown under the title."
    )
    body = StreamField(
        ContentBlock(), blank=True, help_text="How the forums work and how to join in."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body"), APIField("last_reviewed")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "themes.ThemeIndexPage"]
    max_count = 1

    # The rest are one click away on the themes page.
    themes_shown = 12

    def route(self, request, path_components):
        # Under /cy/, Wagtail routes from the Welsh home page, through the Welsh tree.
        # A page with no Welsh translation yet is served in English at the same
        # address, with a notice (core/templatetags/content_language.py).
        try:
            return super().route(request, path_components)
        except Http404:
            english = translation.original(self)
            if english.pk == self.pk:
                raise
            return english.specific.route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The themes of record: a Welsh home lists every theme, translated or not.
        home = translation.original(self)
        themes = ThemePage.objects.live().public().descendant_of(home).order_by("title")
        context["themes"] = translation.localized(themes[: self.themes_shown])
        context["theme_count"] = themes.count()
        context["latest_threads"] = Thread.objects.filter(is_public=True).exists()
        context["theme_index"] = (
            ThemeIndexPage.objects.child_of(home).live().public().first()
        )
        return context


class StandardPage(Page):
    """About, code of conduct, accessibility statement, privacy notice and the like."""

    intro = models.TextField(blank=True, help_text="A summary shown under the title.")
    body = StreamField(ContentBlock())
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When the content was last checked. Shown at the foot of the page; "
        "the accessibility statement must give it.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
