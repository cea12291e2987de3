from datetime import timedelta

from django.core.management.base import BaseCommand

from accounts import outbox


class Command(BaseCommand):
    help = (
        "Queue again the notifications a dead worker claimed and never sent, and "
        "those whose sending failed. Run it every few minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-after",
            type=int,
            default=int(outbox.STALE_CLAIM.total_seconds()),
            help="Seconds after which a claim not sent is a dead worker's "
            "(default: %(default)s). Longer than sending a batch takes.",
        )

    def handle(self, *args, stale_after, **options):
        queued = outbox.sweep(stale_after=timedelta(seconds=stale_after))
        self.stdout.write(f"Queued again {queued} notification(s).")
