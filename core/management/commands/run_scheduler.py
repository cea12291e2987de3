import contextlib

from django.core.management.base import BaseCommand

from core import scheduler


class Command(BaseCommand):
    help = (
        "Run every periodic job at its time (core/scheduler.py lists them), beside "
        "the worker. Several schedulers may run: each job runs once in its slot."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run the jobs due now, then exit (for a test or a one-off).",
        )
        parser.add_argument(
            "--interval", type=int, default=30, help="Seconds between looks."
        )

    def handle(self, *args, once=False, interval=30, **options):
        if once:
            for name in scheduler.run_due():
                self.stdout.write(f"Ran {name}")
            return
        self.stdout.write("The scheduler is running. Stop it with Ctrl+C.")
        with contextlib.suppress(KeyboardInterrupt):
            scheduler.loop(interval)
