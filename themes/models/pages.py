from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import get_language
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PagePermissionTester
from wagtail.search import index

from core import languages, translation
from core.blocks import ContentBlock


class ThemeChildPageMixin:
    """A page in one of a theme's sections: <theme>/<section>/<slug>/."""

    @property
    def theme_path(self):
        # The page's parent is its section's index; the theme is above that.
        return self.path[: -2 * self.steplen]

    @cached_property
    def theme(self):
        return ThemePage.objects.get(path=self.theme_path)

    def get_sitemap_urls(self, request=None):
        # Under a theme that is not published, its sections answer 404.
        return super().get_sitemap_urls(request) if self.theme.live else []

    @staticmethod
    def attach_themes(pages):
        """Give each page in a listing its theme, all in one query."""
        theme_paths = {page: page.theme_path for page in pages}
        themes = ThemePage.objects.filter(path__in=set(theme_paths.values()))
        by_path = {theme.path: theme for theme in themes}
        for page, theme_path in theme_paths.items():
            page.theme = by_path.get(theme_path)


class ThemeSectionPermissionTester(PagePermissionTester):
    """A section index lives and dies with its theme: nobody, not even a superuser,
    moves, copies, unpublishes or deletes one on its own."""

    def can_delete(self, ignore_bulk=False):
        return False

    def can_move(self):
        return False

    def can_copy(self):
        return False

    def can_unpublish(self):
        return False


class ThemeSectionIndex:
    """A theme's section (its meetings, its consultations): one per theme, made with
    the theme by the feature that owns it, and the list of that feature's pages there.

    Concrete classes set `is_creatable = False` themselves (Wagtail makes every
    concrete page class creatable unless its own body says otherwise) and give
    `section_slug` and `section_title`.
    """

    section_slug = ""
    section_title = ""

    parent_page_types = ["themes.ThemePage"]
    max_count_per_parent = 1

    # The slug is the section's address: it is not the editors' to change.
    promote_panels = [FieldPanel("seo_title"), FieldPanel("search_description")]
    # Search finds the meetings and consultations themselves, not every theme's
    # page listing them.
    search_fields = []

    @classmethod
    def for_theme(cls, theme):
        """The theme's section, made now (live) if the theme has none yet."""
        section = cls.objects.child_of(theme).first()
        if section is None:
            section = cls(title=cls.section_title, slug=cls.section_slug, live=True)
            theme.add_child(instance=section)
        return section

    def clean(self):
        super().clean()
        if self.slug != self.section_slug:
            raise ValidationError(
                {
                    "slug": f"A theme's {self.section_title.lower()} live at "
                    f"“{self.section_slug}”; the address cannot change."
                }
            )

    def can_move_to(self, parent):
        return False

    def permissions_for_user(self, user):
        return ThemeSectionPermissionTester(user, self)

    @cached_property
    def theme(self):
        return ThemePage.objects.get(path=self.path[: -self.steplen])

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.theme.live else []

    def route(self, request, path_components):
        # Wagtail routes through a page that is not live to its live children; a
        # theme that is not published shows nothing of its sections either.
        if not self.theme.live:
            raise Http404
        return super().route(request, path_components)


class ThemeCopyForm(CopyForm):
    """A theme is copied on its own: its sections are made afresh with the copy
    (copying them too would give the copy two of each)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("copy_subpages", None)


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
        # Every theme of record, each in Welsh where it is translated.
        themes = (
            ThemePage.objects.child_of(translation.original(self))
            .live()
            .public()
            .order_by("title")
        )
        context["themes"] = Paginator(themes, self.themes_per_page).get_page(
            request.GET.get("page")
        )
        context["themes"].object_list = translation.localized(
            context["themes"].object_list
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
        # A Welsh name is shown in place of the English one, never chosen itself.
        limit_choices_to=translation.in_language_of_record,
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
    # The pages API (/api/v2/pages/); contacts are /api/v2/contacts/, without email.
    api_fields = [APIField("summary"), APIField("introduction")]

    parent_page_types = ["themes.ThemeIndexPage"]
    # No subpage_types: the features' section indexes name a theme as their parent,
    # and every other page type names parents of its own.
    copy_form_class = ThemeCopyForm

    def get_context(self, request, *args, **kwargs):
        from themes import roles, services
        from themes.forms import JoinThemeForm

        context = super().get_context(request, *args, **kwargs)
        # A translation shows its English theme's members, discussions, gaps and
        # meetings: member-made content belongs to the theme of record.
        theme = translation.original(self)
        # Named by this page where it is the translation asked for: no query.
        context["theme"] = translation.titled_by(theme, self)
        context["theme_address"] = languages.address_in(
            theme.get_url(request), get_language()
        )
        # The theme of record's organisations, named in the page's language (one
        # query for them and the contacts' on a Welsh page).
        context["organisations"] = list(theme.organisations.all())
        context["contacts"] = list(self.contacts.select_related("organisation"))
        translation.localize(
            [
                *context["organisations"],
                *(contact.organisation for contact in context["contacts"]),
            ]
        )
        context["member_count"] = theme.memberships.count()
        context["is_member"] = services.is_member(request.user, theme)
        context["join_frequencies"] = JoinThemeForm.base_fields["frequency"].choices
        # Feeds serve public themes only (a feed reader signs in as nobody).
        context["feed_advertised"] = roles.is_public_theme(self)
        return context


class ContactDetails(models.Model):
    """Someone users can talk to, and how to reach them (themes' and statistics')."""

    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, help_text="Their job title or role.")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.name}, {self.role}"

    def clean(self):
        if not (self.email or self.phone):
            raise ValidationError(
                {"email": "Give an email address or a phone number to reach them by."}
            )


class ThemeContact(ContactDetails, Orderable):
    """Someone users can talk to about particular statistics in a theme."""

    theme = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="contacts")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="contacts"
    )
    responsible_for = models.CharField(
        "statistics they can help with",
        max_length=300,
        help_text="For example: 'Hospital waiting times in England'.",
    )
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

    class Meta(Orderable.Meta):
        pass
