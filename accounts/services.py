"""Rules that change a member's account: exports, erasure, email to them resumed."""

import uuid

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts import personal_data, suppressions
from accounts.models import DataExport
from accounts.notifications import notify
from accounts.tasks import build_data_export
from core.links import full_url


def request_data_export(user):
    export = DataExport.objects.create(user=user)
    build_data_export.enqueue(export.pk)
    return export


def resume_email(user):
    """The member asks to be emailed again at their present address (after a
    bounce, "try again"; after a complaint, only they may). Returns whether
    anything was stopped."""
    suppression = suppressions.current_for(user)
    if suppression is None:
        return False
    suppressions.lift(suppression)
    return True


def collect_personal_data(user):
    return {
        "generated_at": timezone.now().isoformat(),
        "site": "statsforum",
        **{data.key: data.export(user) for data in personal_data.registered()},
    }


def complete_data_export(export_id):
    export = DataExport.objects.select_related("user").get(pk=export_id)
    export.data = collect_personal_data(export.user)
    export.completed_at = timezone.now()
    export.save(update_fields=["data", "completed_at"])
    notify(
        export.user,
        "data_export_ready",
        "data_export_ready",
        {"data_export_url": full_url(reverse("data_export"))},
    )


@transaction.atomic
def delete_account(user, keep_public_posts):
    """Erase a member's personal data at once.

    With `keep_public_posts`, an anonymous shell of the account stays so that their
    posts still read as "a former member"; otherwise the account and posts go.
    """
    for data in personal_data.registered():
        data.erase(user, keep_public_posts)
    if not keep_public_posts:
        user.delete()
        return
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.expertise.clear()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"erased-{uuid.uuid4().hex}@erased.invalid"
    user.first_name = user.last_name = user.display_name = ""
    user.handle = None
    user.organisation = None
    user.organisation_name = user.bio = user.sector = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.erased_at = timezone.now()
    user.save()
