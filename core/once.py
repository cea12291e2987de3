"""Work that must happen once only, though its task may run twice (a worker died
mid-run and core.tasks_recovery queued it again)."""

from django.db import transaction


def complete_once(model, pk, complete):
    """Run `complete(pk)` unless the row's `completed_at` is already set.

    The row stays locked until `complete` returns, so a second run waits and then
    finds it done; what `complete` writes and the row's completion are committed
    together or not at all.
    """
    with transaction.atomic():
        waiting = model.objects.select_for_update().filter(
            pk=pk, completed_at__isnull=True
        )
        if waiting.exists():
            complete(pk)
