"""What gaps tells accounts: the personal data the register holds."""

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from accounts.personal_data import PersonalData, PublicContribution
from core.signals import tell_content_changed
from gaps.email_replies import GAP
from gaps.models import DataGap, GapFollow, GapSupport, GapUpdate
from gaps.notifications import KINDS


def export_gaps(user):
    return {
        "raised": [
            {
                "title": gap.title,
                "theme": gap.theme.title,
                "what_is_missing": gap.measure,
                "geography": gap.geography,
                "breakdown": gap.breakdown,
                "frequency": gap.frequency,
                "what_it_would_inform": gap.purpose,
                "status": gap.get_status_display(),
                "raised": gap.created_at.isoformat(),
            }
            for gap in DataGap.objects.filter(author=user).select_related("theme")
        ],
        "supported": [
            {
                "gap": support.gap.title,
                "use_case": support.use_case,
                "name_shown": support.show_name,
                "since": support.created_at.isoformat(),
            }
            for support in GapSupport.objects.filter(user=user).select_related("gap")
        ],
        "following": list(
            GapFollow.objects.filter(user=user).values_list("gap__title", flat=True)
        ),
    }


def erase_gaps(user, keep_public_posts):
    supported = list(
        GapSupport.objects.filter(user=user).values_list("gap_id", flat=True)
    )
    GapSupport.objects.filter(user=user).delete()
    GapFollow.objects.filter(user=user).delete()
    raised = DataGap.objects.filter(author=user)
    if not keep_public_posts:
        # A gap others back, answered or found again stays on the register.
        raised.exclude(
            Q(supports__isnull=False)
            | Q(duplicates__isnull=False)
            | Exists(GapUpdate.objects.filter(gap=OuterRef("pk")).exclude(author=user))
        ).delete()
    kept_ids = list(raised.values_list("pk", flat=True))
    raised.update(author=None)
    tell_content_changed(DataGap, kept_ids)
    # Their answers as a producer stay on the record, under the role they held.
    GapUpdate.objects.filter(author=user).update(author=None)
    recount_support(supported)


def recount_support(gap_ids):
    DataGap.objects.filter(pk__in=gap_ids).update(
        support_count=Coalesce(
            Subquery(
                GapSupport.objects.filter(gap=OuterRef("pk"))
                .order_by()
                .values("gap")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            0,
        )
    )


def public_gaps(user):
    return [
        PublicContribution(
            text=_("Raised the data gap “%(title)s”") % {"title": gap.title},
            url=gap.get_absolute_url(),
        )
        for gap in DataGap.objects.visible()
        .filter(author=user)
        .select_related("theme")[:20]
    ]


NOTIFICATION_KINDS = KINDS
REPLY_TARGETS = [GAP]

PERSONAL_DATA = PersonalData(
    key="data_gaps",
    label=_("Data gaps"),
    export=export_gaps,
    erase=erase_gaps,
    public=public_gaps,
)


def posts_others_see(user):
    """Gaps raised by the member that others can see, for accounts.trust."""
    return DataGap.objects.filter(author=user, is_public=True).count()
