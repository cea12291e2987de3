from django.core.management.base import BaseCommand

from accounts import digests


class Command(BaseCommand):
    help = (
        "Queue the daily digests due now (each member's chosen time, UK time) and, "
        "on Mondays, the weekly ones. Run it every few minutes: a member gets at "
        "most one digest of each kind a day."
    )

    def handle(self, *args, **options):
        queued = digests.queue_due()
        self.stdout.write(f"Queued {queued} digest{'s' if queued != 1 else ''}.")
