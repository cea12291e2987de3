from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.models import InboundMessage


class Command(BaseCommand):
    help = (
        "Delete the emails members sent us once read and older than --min-age-days: "
        "what they wrote is on the site, and the raw message quotes our email."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-age-days", type=int, default=30)

    def handle(self, *args, min_age_days, **options):
        cutoff = timezone.now() - timedelta(days=min_age_days)
        deleted, _ = InboundMessage.objects.filter(
            completed_at__lt=cutoff, received_at__lt=cutoff
        ).delete()
        self.stdout.write(f"Deleted {deleted} email(s) read before {cutoff:%Y-%m-%d}.")
