"""The statistics as /statistics/ lists them: one rule for the page and the API."""

from catalogue.models import Statistic
from core.translation import localize, of_record


def in_language(statistics):
    """`statistics` as a list, each with its name and description, and its
    producer's name, in the reader's language (`.localized`): two queries on a Welsh
    page, none on an English one."""
    statistics = list(statistics)
    localize([*statistics, *(statistic.producer for statistic in statistics)])
    return statistics


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
