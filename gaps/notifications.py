"""Who hears about a gap's progress, through the accounts notification backbone."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.notifications import NotificationKind, notify, notify_many
from catalogue.services import followers as catalogue_followers
from core.links import full_url
from core.translation import (
    in_each_language,
    said_in_each_language,
    title_in_each_language,
)
from gaps.models import DataGap, GapUpdate


def withdrawn_gaps(rows):
    """Gaps hidden or deleted since."""
    gap_ids = {int(row.event_key.split(":")[1]) for row in rows}
    current = set(
        DataGap.objects.filter(pk__in=gap_ids, is_public=True).values_list(
            "pk", flat=True
        )
    )
    return {row.pk for row in rows if int(row.event_key.split(":")[1]) not in current}


KINDS = [
    NotificationKind(
        key="data_gap_update",
        link="gap_url",
        reply_target="gap",
        reply_id="gap_id",
        label=_("Progress on data gaps"),
        description=_("When a data gap you raised, support or follow changes status."),
        per_theme=True,
    ),
    NotificationKind(
        key="data_gap_waiting",
        link="register_url",
        label=_("Data gaps waiting for a first response"),
        description=_(
            "For producers and chairs: gaps in your themes that have waited "
            "more than 20 working days."
        ),
        per_theme=True,
    ),
    NotificationKind(
        key="data_gap_rejected",
        link="register_url",
        label=_("A data gap you raised is not added to the register"),
        description=_(
            "When a producer or chair decides a gap you raised as a new "
            "member should not be published."
        ),
        per_theme=True,
        optional=False,
    ),
    NotificationKind(
        key="statistic_gap",
        link="gap_url",
        label=_("New data gaps about statistics you follow"),
        description=_(
            "When a data gap naming a statistic you follow reaches the "
            "register, in any theme."
        ),
        withdrawn=withdrawn_gaps,
    ),
]


def tell_followers_of_statistics(gap_id):
    """Those who follow a statistic the gap names hear of it once it is public."""
    gap = DataGap.objects.select_related("theme").get(pk=gap_id)
    statistics = list(gap.statistics.all())
    if not gap.is_public or not statistics:
        return 0
    return notify_many(
        catalogue_followers(statistics).exclude(pk=gap.author_id),
        "statistic_gap",
        "statistic_gap",
        {
            "gap_title": gap.title,
            "gap_url": gap.get_full_url(),
            "theme_title": title_in_each_language(gap.theme),
            "statistics": in_each_language(statistics),
            "measure": gap.measure,
        },
        event_key=f"statistic_gap:{gap.pk}",
    )


def tell_of_update(update_id):
    update = GapUpdate.objects.select_related("gap__theme").get(pk=update_id)
    gap = update.gap
    context = {
        "gap_title": gap.title,
        "gap_id": gap.pk,
        "gap_url": gap.get_full_url(),
        "theme_title": title_in_each_language(gap.theme),
        # Written in each reader's language: the statuses and who answered, as
        # they were then (core.translation.said_in_each_language).
        "status": said_in_each_language(update.get_to_status_display),
        "previous_status": said_in_each_language(update.get_from_status_display)
        if update.from_status
        else "",
        "note": update.note,
        "answered_by": update.author_labels or "",
        "duplicate_of_title": gap.duplicate_of.title if gap.duplicate_of else "",
        "duplicate_of_url": gap.duplicate_of.get_full_url() if gap.duplicate_of else "",
    }
    people = people_to_tell(gap, except_user=update.author)
    return notify_many(
        get_user_model().objects.filter(pk__in=people),
        "data_gap_update",
        "data_gap_update",
        context,
        theme=gap.theme,
        event_key=f"gap-update:{update.pk}",
    )


def people_to_tell(gap, except_user=None):
    """Who hears of a change: the author, supporters and followers, not the
    person who made it."""
    people = {gap.author_id}
    people.update(gap.supports.values_list("user_id", flat=True))
    people.update(gap.follows.values_list("user_id", flat=True))
    people.discard(None)
    if except_user is not None:
        people.discard(except_user.pk)
    return set(
        get_user_model()
        .objects.filter(pk__in=people, is_active=True)
        .values_list("pk", flat=True)
    )


def tell_author_of_rejection(gap):
    """The author of a held gap hears it will not be published: it is deleted, so
    this is the last they would otherwise hear of it."""
    if gap.author is None or not gap.author.is_active:
        return None
    return notify(
        gap.author,
        "data_gap_rejected",
        "data_gap_rejected",
        {
            "gap_title": gap.title,
            "theme_title": title_in_each_language(gap.theme),
            "register_url": full_url(
                reverse("gaps:register", kwargs={"theme_slug": gap.theme.slug})
            ),
        },
        theme=gap.theme,
        event_key=f"gap-rejected:{gap.pk}",
    )
