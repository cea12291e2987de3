"""A chair's admin dashboard: what in their themes waits for them, from held posts
to minutes still owed. Each list is one query whatever the number of themes."""

from functools import reduce
from operator import or_

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from connections.models import ActionItem
from core.working_days import waited_since
from events.models import EventPage, MinutesPage
from forums import moderation
from forums.models import Thread
from gaps.waiting import waiting_in
from themes import roles
from themes.models import Role

# "Unanswered after 5 working days": a question's first week.
QUESTION_WORKING_DAYS = 5
SHOWN = 5


def under(themes, prefix=""):
    """Pages below any of `themes` (a Q on `prefix`path)."""
    return reduce(
        or_, (Q(**{f"{prefix}path__startswith": theme.path}) for theme in themes)
    )


def with_theme(actions, themes):
    """`actions` as a list, each with the `theme` (of `themes`) its minutes are in,
    for the address of its status form."""
    actions = list(actions)
    for action in actions:
        action.theme = next(t for t in themes if action.page.path.startswith(t.path))
    return actions


def chair_cycle(user, now=None):
    """What waits in the themes `user` chairs; None when they chair none."""
    themes = list(roles.themes_where(user, Role.CHAIR).order_by("title"))
    if not themes:
        return None
    now = now or timezone.now()
    unanswered = Thread.objects.filter(
        theme__in=themes,
        kind=Thread.Kind.QUESTION,
        answer__isnull=True,
        is_public=True,
        created_at__lt=waited_since(QUESTION_WORKING_DAYS, now),
    ).select_related("theme")
    meetings = EventPage.objects.live().filter(under(themes))
    has_minutes = MinutesPage.objects.filter(
        path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1
    )
    minutes_owed = (
        meetings.filter(end__lt=now)
        .exclude(status=EventPage.Status.CANCELLED)
        .exclude(Exists(has_minutes))
    )
    actions = ActionItem.objects.published().open().filter(under(themes, "page__"))
    today = timezone.localdate(now)
    action_counts = actions.aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today))
    )
    return {
        "themes": themes,
        "held": moderation.thread_queue(user).count()
        + moderation.reply_queue(user).count(),
        "unanswered": list(unanswered.order_by("created_at", "pk")[:SHOWN]),
        "unanswered_count": unanswered.count(),
        "gaps_waiting": waiting_in(themes, now).count(),
        "meetings_coming": list(
            meetings.filter(start__gte=now).order_by("start", "pk")[:SHOWN]
        ),
        "minutes_owed": list(minutes_owed.order_by("-start", "pk")[:SHOWN]),
        "open_actions": action_counts["open"],
        "overdue_actions": with_theme(
            actions.filter(due_date__lt=today)
            .select_related("page", "status_changed_by")
            .order_by("due_date", "pk")[:SHOWN],
            themes,
        ),
        "overdue_count": action_counts["overdue"],
        "question_days": QUESTION_WORKING_DAYS,
    }


class ChairPanel(Component):
    """The chair's cycle at the top of the admin's home page."""

    name = "chair_cycle"
    template_name = "home/admin/chair_panel.html"
    order = 50

    def __init__(self, cycle):
        self.cycle = cycle

    def get_context_data(self, parent_context):
        return {**self.cycle, "request": parent_context["request"]}
