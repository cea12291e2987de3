"""A theme's discussions as the list shows them: one rule for the page and the API."""

from forums.models import Thread

# Pinned threads stay on top whatever the order.
SORTS = {
    "latest": ["-is_pinned", "-last_activity_at"],
    "newest": ["-is_pinned", "-created_at"],
    "unanswered": ["-is_pinned", "-last_activity_at"],
}
DEFAULT_SORT = "latest"


def listed_threads(threads, chosen):
    """`threads` in the order and with the topic `chosen` (ThreadFilters.chosen())."""
    sort = chosen.get("sort", DEFAULT_SORT)
    threads = threads.order_by(*SORTS[sort])
    if sort == "unanswered":
        threads = threads.filter(kind=Thread.Kind.QUESTION, answer__isnull=True)
    topic = chosen.get("topic", "")
    if topic:
        threads = threads.filter(topics__slug=topic)
    return threads
