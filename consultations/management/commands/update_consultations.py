from django.core.management.base import BaseCommand

from consultations.services.timetable import (
    delete_old_downloads,
    delete_unconfirmed_responses,
    flag_overdue_outcomes,
    open_due_consultations,
)


def counted(number, thing):
    return f"{number} {thing}{'s' if number != 1 else ''}"


class Command(BaseCommand):
    help = (
        "Open the consultations whose time has come (freezing their questions and "
        "telling their themes' members), flag outcomes more than 12 weeks overdue "
        "to producers and editors, delete prepared downloads of responses older "
        "than a week, and delete responses never confirmed by email once their "
        "consultation has closed. Run it every 15 minutes from cron: each is done "
        "once, however often or overlapping the runs."
    )

    def handle(self, *args, **options):
        opened = open_due_consultations()
        flagged = flag_overdue_outcomes()
        downloads = delete_old_downloads()
        unconfirmed = delete_unconfirmed_responses()
        self.stdout.write(
            f"Opened {counted(opened, 'consultation')}; flagged "
            f"{counted(flagged, 'overdue outcome')}; deleted "
            f"{counted(downloads, 'old download')} and "
            f"{counted(unconfirmed, 'unconfirmed response')}."
        )
