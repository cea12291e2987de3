"""Import a producer's list of statistics from a CSV file, as the admin does."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from accounts.models import Organisation
from catalogue import imports, services
from core.translation import of_record


class Command(BaseCommand):
    help = (
        "Import a producer's statistics from CSV (columns: "
        + ", ".join(imports.COLUMNS)
        + "). All rows or none; run again, it changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV file, UTF-8.")
        parser.add_argument(
            "--producer", required=True, help="The producer's name or acronym."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would change; write nothing.",
        )

    def handle(self, path, producer, dry_run, **options):
        organisation = (
            of_record(Organisation.objects)
            .filter(Q(name__iexact=producer) | Q(acronym__iexact=producer))
            .first()
        )
        if organisation is None:
            raise CommandError(f"No organisation is called {producer!r}.")
        try:
            with Path(path).open("rb") as file:
                data = file.read(imports.MAX_BYTES + 1)
            plan = services.import_statistics(
                organisation, imports.decode(data), commit=not dry_run
            )
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        except imports.ImportRefused as refusal:
            raise CommandError(str(refusal)) from None
        for row in plan.rows:
            for error in row.errors:
                self.stderr.write(f"Row {row.line}: {error}")
        if plan.has_errors:
            raise CommandError(
                f"Nothing was imported: {plan.count('error')} rows have errors."
            )
        summary = plan.summary
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            f"{verb} {organisation.short_name}'s statistics: {summary['create']} "
            f"added, {summary['update']} updated, {summary['unchanged']} unchanged."
        )
