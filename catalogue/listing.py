"""The statistics as /statistics/ lists them: one rule for the page and the API."""

from catalogue.models import Statistic
from core.translation import of_record


def listed_statistics(chosen, theme=None):
    """Every statistic by name, with the producer and status `chosen`
    (StatisticFilters.chosen()) and in `theme` (its chosen_theme())."""
    statistics = (
        of_record(Statistic.objects).select_related("producer").order_by("name", "pk")
    )
    if theme is not None:
        statistics = statistics.filter(themes=theme)
    if producer := chosen.get("producer"):
        statistics = statistics.filter(producer=producer)
    if status := chosen.get("status"):
        statistics = statistics.filter(status=status)
    return statistics
