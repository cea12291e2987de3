from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.models import IdempotencyKey

pytestmark = pytest.mark.django_db


def test_keys_older_than_two_days_are_deleted_and_recent_ones_kept():
    old = IdempotencyKey.objects.create(key="old", redirect_to="/a/")
    recent = IdempotencyKey.objects.create(key="recent", redirect_to="/b/")
    IdempotencyKey.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=2, minutes=1)
    )

    call_command("prune_idempotency_keys")

    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == [recent.key]
