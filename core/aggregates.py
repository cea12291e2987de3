"""Figures computed in the database, the same on PostgreSQL and SQLite."""

from django.db.models import DurationField, ExpressionWrapper, F

DAY_SECONDS = 86400


def median_days(rows, start, end, count=None):
    """The median of `end - start` over `rows`, in days to one decimal place, or
    None when there are none. SQLite has no median or percentile aggregate, so the
    database sorts by the time taken and hands back only the middle row or two:
    two queries, whatever the number of rows (one when the caller knows `count`,
    the number of rows with an `end`)."""
    waits = (
        rows.filter(**{f"{end}__isnull": False})
        .annotate(
            _wait=ExpressionWrapper(F(end) - F(start), output_field=DurationField())
        )
        .order_by("_wait")
        .values_list("_wait", flat=True)
    )
    if count is None:
        count = waits.count()
    if not count:
        return None
    middle = list(waits[(count - 1) // 2 : count // 2 + 1])
    median = sum(middle, start=middle[0] * 0) / len(middle)
    return round(median.total_seconds() / DAY_SECONDS, 1)
