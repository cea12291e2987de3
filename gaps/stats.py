"""'You said, we did': how a theme's producers answer the needs raised there."""

from dataclasses import dataclass

from django.core.cache import cache

from core.aggregates import median_days
from gaps.models import DataGap, Status
from gaps.waiting import waiting_gaps

# The figures move slowly and cost a sort over the theme's gaps: keep them a while.
STATS_SECONDS = 15 * 60


@dataclass(frozen=True)
class ResponseStats:
    gaps: int
    responded: int
    median_days: float | None
    # Raised more than 20 working days ago and still without a response.
    waiting: int = 0

    @property
    def responded_share(self):
        return round(100 * self.responded / self.gaps) if self.gaps else None


def response_stats(theme):
    return cache.get_or_set(
        f"gaps:response-stats:{theme.pk}",
        lambda: _response_stats(theme),
        STATS_SECONDS,
    )


def _response_stats(theme):
    # Duplicates are answered by their original, so they count for neither.
    gaps = (
        DataGap.objects.visible().filter(theme=theme).exclude(status=Status.DUPLICATE)
    )
    responded = gaps.filter(first_response_at__isnull=False)
    count, answered = gaps.count(), responded.count()
    waiting = waiting_gaps(theme).count()
    median = median_days(responded, "created_at", "first_response_at", answered)
    return ResponseStats(count, answered, median, waiting)


def recently_met(theme, count=3):
    return (
        DataGap.objects.visible()
        .filter(theme=theme, status__in=[Status.MET, Status.PARTLY_MET])
        # The theme for each gap's address.
        .select_related("owner_organisation", "theme")
        .order_by("-last_moved_at")[:count]
    )
