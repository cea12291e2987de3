from django.core.management.base import BaseCommand

from gaps.waiting import flag_waiting_gaps


class Command(BaseCommand):
    help = (
        "Tell each theme's producers and chairs about data gaps that have waited "
        "more than 20 working days for a first response. Run it daily from cron: "
        "each gap is flagged once, however often or overlapping the runs."
    )

    def handle(self, *args, **options):
        flagged, told = flag_waiting_gaps()
        gaps = "data gap" if flagged == 1 else "data gaps"
        emails = "email" if told == 1 else "emails"
        self.stdout.write(f"Flagged {flagged} waiting {gaps}; queued {told} {emails}.")
