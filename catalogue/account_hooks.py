"""What catalogue tells accounts: the statistics a member follows, and who is
named as a statistic's contact."""

from django.utils.translation import gettext_lazy as _

from accounts.personal_data import PersonalData
from catalogue.models import StatisticContact, StatisticFollow


def export_statistics(user):
    return {
        "following": list(
            StatisticFollow.objects.filter(user=user).values_list(
                "statistic__name", flat=True
            )
        ),
        "contact_for": list(
            StatisticContact.objects.filter(user=user).values_list(
                "statistic__name", flat=True
            )
        ),
    }


def erase_statistics(user, keep_public_posts):
    StatisticFollow.objects.filter(user=user).delete()
    # The contact's name and work address stay: the producer published them.
    StatisticContact.objects.filter(user=user).update(user=None)


PERSONAL_DATA = PersonalData(
    key="statistics",
    label=_("Statistics you follow"),
    export=export_statistics,
    erase=erase_statistics,
)
