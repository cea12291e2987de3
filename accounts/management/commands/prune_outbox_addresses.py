from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.models import Notification

Status = Notification.Status


class Command(BaseCommand):
    help = (
        "Forget the address, and what was sent, of outbox rows to people without an "
        "account once older than --min-age-days: bounces and complaints come within "
        "days. The name stays, for the page that says whom a question was sent to."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-age-days", type=int, default=90)

    def handle(self, *args, min_age_days, **options):
        cutoff = timezone.now() - timedelta(days=min_age_days)
        done = Notification.objects.filter(
            user=None,
            created_at__lt=cutoff,
            status__in=[Status.SENT, Status.FAILED, Status.SUPPRESSED],
        ).exclude(address="")
        # The producer the question page names them with is no personal data.
        by_producer = {}
        for pk, producer_id in done.values_list("pk", "context__producer_id"):
            by_producer.setdefault(producer_id, []).append(pk)
        for producer_id, pks in by_producer.items():
            kept = {"producer_id": producer_id} if producer_id else {}
            Notification.objects.filter(pk__in=pks).update(address="", context=kept)
        forgotten = sum(len(pks) for pks in by_producer.values())
        self.stdout.write(
            f"Forgot the address of {forgotten} email(s) sent before {cutoff:%Y-%m-%d}."
        )
