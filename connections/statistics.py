"""Everything said about a statistic, across the features, by their own visibility
rules: the statistic's page shows it. A handful of queries whatever the numbers."""

from django.db.models import F
from wagtail.models import Page

from connections.models import ActionItem
from consultations.models import ConsultationPage
from events.models import EventPage
from forums.visibility import threads_visible_to
from gaps.services import gaps_visible_to
from themes.roles import public_themes

SHOWN = 20


def in_public_themes(pages, theme_paths, below=2):
    """Of `pages`, `below` levels under their theme, those in a public theme (a
    live page in an unpublished theme is not served)."""
    cut = below * Page.steplen
    return [page for page in pages if page.path[:-cut] in theme_paths]


def said_about(statistic, user):
    theme_paths = set(public_themes().values_list("path", flat=True))
    threads = (
        threads_visible_to(user)
        .filter(statistics=statistic)
        .select_related("theme", "answered_by")
        .order_by("-last_activity_at")
    )
    gaps = (
        gaps_visible_to(user)
        .filter(statistics=statistic)
        .select_related("theme")
        .order_by("-last_moved_at")
    )
    consultations = in_public_themes(
        ConsultationPage.objects.live()
        .public()
        .filter(statistic_links__statistic=statistic)
        .distinct()
        .order_by("-opens_at")[:SHOWN],
        theme_paths,
    )
    meetings = in_public_themes(
        EventPage.objects.live()
        .public()
        .filter(statistic_links__statistic=statistic)
        .distinct()
        .order_by("-start")[:SHOWN],
        theme_paths,
    )
    public_minutes = Page.objects.live().public().values("pk")
    actions = [
        action
        for action in ActionItem.objects.published()
        .filter(statistic=statistic, page__in=public_minutes)
        .select_related("page", "organisation", "thread__theme", "data_gap__theme")
        .order_by(F("due_date").asc(nulls_last=True), "pk")[:SHOWN]
        if action.page.path[: -3 * Page.steplen] in theme_paths
    ]
    return {
        "threads": list(threads[:SHOWN]),
        "gaps": list(gaps[:SHOWN]),
        "consultations": consultations,
        "meetings": meetings,
        "action_items": actions,
    }
