"""Delete forms' one-time keys once no browser could still be resending them."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.models import IdempotencyKey


class Command(BaseCommand):
    help = "Delete the one-time keys of forms sent more than --min-age-days ago."

    def add_arguments(self, parser):
        parser.add_argument("--min-age-days", type=int, default=2)

    def handle(self, *args, min_age_days, **options):
        cutoff = timezone.now() - timedelta(days=min_age_days)
        deleted, _ = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} one-time form keys.")
