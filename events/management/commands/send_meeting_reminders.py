from django.core.management.base import BaseCommand

from events.reminders import queue_reminders


class Command(BaseCommand):
    help = (
        "Queue the reminders due a week and a day before meetings. Run it hourly "
        "from cron: each reminder is sent once, however often or overlapping the "
        "runs."
    )

    def handle(self, *args, **options):
        queued = queue_reminders()
        self.stdout.write(
            f"Queued {queued} meeting reminder{'' if queued == 1 else 's'}."
        )
