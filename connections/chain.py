"""The chain of what happened, readable from either end: what a thread led to,
what came of a data gap, and where a meeting's action came from. Each feature's
part is shown by its own visibility rule, in a fixed number of queries."""

from django.db.models import Exists, F, OuterRef
from wagtail.models import Page

from connections.models import ActionItem, ConsultationThreadLink, GapThread
from consultations.models import ConsultationPage
from core.translation import localize
from events.models import EventPage
from forums.models import Thread
from forums.visibility import threads_visible_to
from gaps.services import gaps_visible_to
from themes.roles import public_pages

SHOWN = 20


def published_actions():
    """Actions of published minutes a visitor can reach."""
    return ActionItem.objects.published().filter(
        page__in=public_pages(Page.objects.all())
    )


def with_links(actions, user, *, meetings=True):
    """`actions` as a list, each with the `meeting` it was agreed at (unless the
    page is the minutes, `meetings=False`) and only the thread and gap `user` may
    see (`shown_thread`, `shown_gap`): up to three queries."""
    actions = list(actions)
    meeting_paths = {action.page.path[: -Page.steplen] for action in actions}
    meetings = (
        {
            meeting.path: meeting
            for meeting in EventPage.objects.filter(path__in=meeting_paths)
        }
        if meetings and actions
        else {}
    )
    thread_ids = {action.thread_id for action in actions if action.thread_id}
    gap_ids = {action.data_gap_id for action in actions if action.data_gap_id}
    threads = (
        threads_visible_to(user).select_related("theme").in_bulk(thread_ids)
        if thread_ids
        else {}
    )
    gaps = (
        gaps_visible_to(user).select_related("theme").in_bulk(gap_ids)
        if gap_ids
        else {}
    )
    for action in actions:
        action.meeting = meetings.get(action.page.path[: -Page.steplen])
        action.shown_thread = threads.get(action.thread_id)
        action.shown_gap = gaps.get(action.data_gap_id)
    # Their statistics' and organisations' names in the reader's language.
    localize(
        [action.statistic for action in actions]
        + [action.organisation for action in actions]
    )
    return actions


def actions_linked(**link):
    """Published minutes' actions with this link, soonest due first."""
    return (
        published_actions()
        .filter(**link)
        .select_related("page", "organisation", "statistic", "status_changed_by")
        .order_by(F("due_date").asc(nulls_last=True), "pk")
    )


def links_of(thread):
    """Which kinds of link `thread` has at all, in one cheap query: most threads
    have none, and asking each feature's visibility rule costs several."""
    linked = OuterRef("pk")
    return (
        Thread.objects.filter(pk=thread.pk)
        .values(
            gaps=Exists(GapThread.objects.filter(thread=linked)),
            actions=Exists(ActionItem.objects.filter(thread=linked)),
            consultations=Exists(ConsultationThreadLink.objects.filter(thread=linked)),
        )
        .get()
    )


def came_from_thread(thread, user):
    """What a discussion led to: data gaps, meetings' actions and consultations."""
    links = links_of(thread)
    return {
        "gaps": list(
            gaps_visible_to(user)
            .filter(thread_links__thread=thread)
            .select_related("theme")
            .order_by("title")[:SHOWN]
        )
        if links["gaps"]
        else [],
        "action_items": with_links(actions_linked(thread=thread)[:SHOWN], user)
        if links["actions"]
        else [],
        "consultations": list(
            public_pages(
                ConsultationPage.objects.filter(thread_links__thread=thread)
            ).order_by("-opens_at")[:SHOWN]
        )
        if links["consultations"]
        else [],
    }


def about_gap(gap, user):
    """Where a data gap has come up: discussions, meetings, actions, consultations."""
    actions = actions_linked(data_gap=gap)
    return {
        "threads": list(
            threads_visible_to(user)
            .filter(gap_links__data_gap=gap)
            .select_related("theme")
            .order_by("-last_activity_at")[:SHOWN]
        ),
        "meetings": list(
            public_pages(EventPage.objects.filter(gap_links__data_gap=gap)).order_by(
                "-start"
            )[:SHOWN]
        ),
        "action_items": with_links(actions[:SHOWN], user),
        "consultations": list(
            public_pages(
                ConsultationPage.objects.filter(gap_links__data_gap=gap)
            ).order_by("-opens_at")[:SHOWN]
        ),
    }
