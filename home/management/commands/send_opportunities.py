from django.core.management.base import BaseCommand

from home import weekly_email


class Command(BaseCommand):
    help = (
        "On Mondays, queue the weekly opportunities emails due now (each member's "
        "digest time, UK time) to the members who chose them; none in a week with "
        "nothing new. Run it every few minutes: a member gets at most one a week."
    )

    def handle(self, *args, **options):
        queued = weekly_email.queue_due()
        self.stdout.write(f"Queued {queued} email{'s' if queued != 1 else ''}.")
