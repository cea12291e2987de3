from django.core.management.base import BaseCommand

from consultations.services import (
    delete_old_downloads,
    flag_overdue_outcomes,
    open_due_consultations,
)


class Command(BaseCommand):
    help = (
        "Open the consultations whose time has come (freezing their questions and "
        "telling their themes' members), flag outcomes more than 12 weeks overdue "
        "to producers and editors, and delete prepared downloads of responses "
        "older than a week. Run it every 15 minutes from cron: each is done once, "
        "however often or overlapping the runs."
    )

    def handle(self, *args, **options):
        opened = open_due_consultations()
        flagged = flag_overdue_outcomes()
        deleted = delete_old_downloads()
        self.stdout.write(
            f"Opened {opened} consultation{'s' if opened != 1 else ''}; flagged "
            f"{flagged} overdue outcome{'s' if flagged != 1 else ''}; deleted "
            f"{deleted} old download{'s' if deleted != 1 else ''}."
        )
