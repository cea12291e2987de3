from django.core.management.base import BaseCommand

from accounts import outbox


class Command(BaseCommand):
    help = (
        "Queue again the notifications a dead worker claimed and never sent, and "
        "those whose sending failed. Run it every few minutes."
    )

    def handle(self, *args, **options):
        queued = outbox.sweep()
        self.stdout.write(f"Queued again {queued} notification(s).")
