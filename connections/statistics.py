"""Everything said about a statistic, across the features, by their own visibility
rules: the statistic's page shows it. A handful of queries whatever the numbers."""

from connections.chain import actions_linked, with_links
from consultations.models import ConsultationPage
from core.translation import localize, titled_in_language
from events.models import EventPage
from forums.visibility import threads_visible_to
from gaps.services import gaps_visible_to
from themes.roles import public_pages

SHOWN = 20


def said_about(statistic, user):
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
    consultations = public_pages(
        ConsultationPage.objects.filter(statistic_links__statistic=statistic)
    )
    meetings = public_pages(
        EventPage.objects.filter(statistic_links__statistic=statistic)
    )
    actions = actions_linked(statistic=statistic)
    threads = list(threads[:SHOWN])
    gaps = list(gaps[:SHOWN])
    # Who answered each, in the reader's language: one query.
    localize(thread.answered_by for thread in threads)
    # And the themes: one query for both lists.
    titled_in_language(each.theme for each in [*threads, *gaps])
    return {
        "threads": threads,
        "gaps": gaps,
        "consultations": list(consultations.distinct().order_by("-opens_at")[:SHOWN]),
        "meetings": list(meetings.distinct().order_by("-start")[:SHOWN]),
        "action_items": with_links(actions[:SHOWN], user),
    }
