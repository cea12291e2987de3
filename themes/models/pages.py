from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import ContentBlock

# The first part of the address of each kind of page that lives under a theme.
CHILD_PAGE_PREFIXES = {"meetings", "consultations"}


class ThemeChildPageMixin:
    """A page under a theme, addressed as <theme>/<theme_url_prefix>/<slug>/.

    ThemePage.route serves it there, and only there.
    """

    theme_url_prefix = ""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, page_path = parts
        theme_path, _, _ = page_path.rstrip("/").rpartition("/")
        return site_id, root_url, f"{theme_path}/{self.theme_url_prefix}/{self.slug}/"

    @cached_property
    def theme(self):
        return ThemePage.objects.parent_of(self).get()

    @staticmethod
    def attach_themes(pages):
        """Give each page in a listing its theme, all in one query."""
        parent_paths = {page: page.path[: -ThemePage.steplen] for page in pages}
        themes = ThemePage.objects.filter(path__in=set(parent_paths.values()))
        by_path = {theme.path: theme for theme in themes}
        for page, parent_path in parent_paths.items():
            page.theme = by_path.get(parent_path)


class ThemeIndexPage(Page):
    intro = models.TextField(
        blank=True, help_text="One or two sentences shown above the list of themes."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["themes.ThemePage"]
    max_count = 1

    themes_per_page = 24

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = ThemePage.objects.child_of(self).live().public().order_by("title")
        context["themes"] = Paginator(themes, self.themes_per_page).get_page(
            request.GET.get("page")
        )
        return context


class ThemePage(Page):
    summary = models.CharField(
        max_length=250,
        help_text="One sentence on what the theme covers, shown in lists of themes "
        "and in search results.",
    )
    introduction = StreamField(
        ContentBlock(),
        blank=True,
        help_text="What the theme covers, which statistics it is about, and how to "
        "take part.",
    )
    organisations = ParentalManyToManyField(
        "accounts.Organisation",
        blank=True,
        related_name="themes",
        help_text="The producers and user bodies involved in this theme.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("introduction"),
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [InlinePanel("contacts", label="Contact")],
            heading="Contacts",
            help_text="Who users should talk to about which statistics.",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("introduction"),
        index.RelatedFields("contacts", [index.SearchField("responsible_for")]),
    ]

    parent_page_types = ["themes.ThemeIndexPage"]
    subpage_types = ["events.EventPage", "consultations.ConsultationPage"]

    def get_context(self, request, *args, **kwargs):
        from themes import services
        from themes.forms import JoinThemeForm

        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = self.organisations.all()
        context["contacts"] = self.contacts.select_related("organisation")
        context["member_count"] = self.memberships.count()
        context["is_member"] = services.is_member(request.user, self)
        context["join_frequencies"] = JoinThemeForm.base_fields["frequency"].choices
        return context

    def route(self, request, path_components):
        # Meetings and consultations are child pages served under a prefix:
        # <theme>/meetings/<slug>/, <theme>/consultations/<slug>/.
        if len(path_components) >= 2 and path_components[0] in CHILD_PAGE_PREFIXES:
            path_components = path_components[1:]
        result = super().route(request, path_components)
        page = result[0]
        if page.pk != self.pk:
            # A child page answers only at its own address, not also at its place
            # in the tree (<theme>/<slug>/) or under another kind's prefix.
            _, _, page_path = page.get_url_parts(request)
            if not request.path.startswith(page_path):
                raise Http404
        return result


class ThemeContact(Orderable):
    """Someone users can talk to about particular statistics in a theme."""

    theme = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, help_text="Their job title or role.")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="contacts"
    )
    responsible_for = models.CharField(
        "statistics they can help with",
        max_length=300,
        help_text="For example: 'Hospital waiting times in England'.",
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="theme_contacts",
        help_text="Link to the contact's account on this site, if they have one.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("responsible_for"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("user"),
    ]

    def __str__(self):
        return f"{self.name}, {self.role}"

    def clean(self):
        if not (self.email or self.phone):
            raise ValidationError(
                {"email": "Give an email address or a phone number to reach them by."}
            )
