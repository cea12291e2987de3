from django.core.management.base import BaseCommand

from figures.satisfaction import ask_about_outcomes


class Command(BaseCommand):
    help = (
        "Ask the people concerned by the last week's outcomes (data gaps met or "
        "closed, consultation outcomes, answered questions) whether it met their "
        "need: once each."
    )

    def handle(self, *args, **options):
        asked = ask_about_outcomes()
        self.stdout.write(f"Asked {asked} people.")
