"""Atom feeds of consultations, a theme's and every theme's: those the lists show a
visitor, the most recently published, opened or closed first."""

from django.db.models import Case, F, When
from django.db.models.functions import Coalesce, Greatest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from consultations.models import ConsultationPage
from consultations.models.pages import State
from core.feeds import FEED_LENGTH, AtomFeed, scope_of
from core.translation import localize, titled_in_language
from themes.roles import public_pages
from themes.views import get_theme


class ConsultationsFeed(AtomFeed):
    def get_object(self, request, theme_slug=None):
        return scope_of(request, get_theme(theme_slug) if theme_slug else None)

    def title(self, scope):
        if scope.theme:
            return _("statsforum: %(theme)s consultations") % {
                "theme": scope.theme_title
            }
        return _("statsforum: consultations")

    def subtitle(self, scope):
        return _("Consultations as they are published, open, close and report back.")

    def link(self, scope):
        if scope.theme:
            return scope.full(f"{scope.theme.url}consultations/")
        return scope.full(reverse("consultations:consultations"))

    def feed_url(self, scope):
        return scope.full(consultations_feed_url(scope.theme))

    def items(self, scope):
        now = timezone.now()
        # A page made live by code rather than published has no publication time:
        # its opening stands in, so that every entry has the date Atom requires.
        published = Coalesce("last_published_at", "first_published_at", "opens_at")
        moved = Case(
            When(closes_at__lte=now, then=F("closes_at")),
            When(opens_at__lte=now, then=F("opens_at")),
            default=published,
        )
        consultations = public_pages(ConsultationPage.objects.with_state(now))
        if scope.theme:
            consultations = consultations.descendant_of(scope.theme)
        consultations = list(
            consultations.annotate(
                published=published, changed_at=Greatest(published, moved)
            )
            .select_related("contact_organisation")
            .order_by("-changed_at", "-pk")[:FEED_LENGTH]
        )
        ConsultationPage.attach_themes(consultations)
        # Each theme and who asked in the reader's language: a query for each.
        titled_in_language(consultation.theme for consultation in consultations)
        localize(consultation.contact_organisation for consultation in consultations)
        for consultation in consultations:
            consultation.feed_link = scope.full(consultation.url)
        return consultations

    def item_title(self, consultation):
        return f"{consultation.title} ({State(consultation.state).label})"

    def item_description(self, consultation):
        # Plain text, escaped; the dates as the lists give them.
        asked_by = _("Asked by %(organisation)s") % {
            "organisation": consultation.contact_organisation.localized.name
        }
        return format_html(
            "<p>{}</p><p>{}. {}.</p>",
            consultation.summary,
            render_to_string(
                "consultations/includes/dates.html", {"consultation": consultation}
            ).strip(),
            asked_by,
        )

    def item_link(self, consultation):
        return consultation.feed_link

    def item_categories(self, consultation):
        return [consultation.theme.title_in_language] if consultation.theme else []

    def item_pubdate(self, consultation):
        return consultation.published

    def item_updateddate(self, consultation):
        return consultation.changed_at


def consultations_feed_url(theme=None):
    if theme:
        return reverse(
            "consultations:theme_consultations_feed", kwargs={"theme_slug": theme.slug}
        )
    return reverse("consultations:consultations_feed")
