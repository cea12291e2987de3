"""A data gap as open data: one record, the same in the register's downloads (CSV
and JSON, gaps/exports.py) and in the API (/api/v2/data-gaps/).

The record is built from a plain row (`exports.gap_rows`), not a model: a model and
a taggit queryset for every gap made a 100,000-row download several times slower.
"""

from django.utils.translation import gettext_noop
from rest_framework import serializers

from gaps.models import Status


class DataGapSerializer(serializers.Serializer):
    """One gap's record: no member's name or email. The fields describe the record
    (for the API's schema); `to_representation` builds it in one step from a row
    with its `topics`, `context["gap_url"]` making the gap's full address."""

    id = serializers.IntegerField()
    url = serializers.URLField(help_text=gettext_noop("The gap's page."))
    title = serializers.CharField()
    theme = serializers.CharField(help_text=gettext_noop("The theme's title."))
    status = serializers.ChoiceField(choices=Status.choices)
    what_is_missing = serializers.CharField()
    geography = serializers.CharField(allow_blank=True)
    breakdown = serializers.CharField(allow_blank=True)
    frequency_or_timeliness = serializers.CharField(allow_blank=True)
    what_it_would_inform = serializers.CharField()
    sector = serializers.CharField(
        allow_blank=True,
        help_text=gettext_noop("The sector of the member who raised it."),
    )
    topics = serializers.ListField(child=serializers.CharField())
    people_who_need_it = serializers.IntegerField(
        help_text=gettext_noop("Who raised it and everyone who supports it.")
    )
    owner_organisation = serializers.CharField(allow_null=True)
    target_date = serializers.DateField(allow_null=True)
    raised = serializers.DateTimeField()
    last_moved = serializers.DateTimeField(
        help_text=gettext_noop("Its last change of status.")
    )
    duplicate_of = serializers.URLField(
        allow_null=True,
        help_text=gettext_noop("The gap it duplicates, when it is a duplicate."),
    )

    def to_representation(self, row):
        gap_url = self.context["gap_url"]
        duplicate_of = row["duplicate_of_id"] and gap_url(
            row["duplicate_theme_slug"], row["duplicate_of_id"]
        )
        return {
            "id": row["id"],
            "url": gap_url(row["theme_slug"], row["id"]),
            "title": row["title"],
            "theme": row["theme_title"],
            "status": row["status"],
            "what_is_missing": row["measure"],
            "geography": row["geography"],
            "breakdown": row["breakdown"],
            "frequency_or_timeliness": row["frequency"],
            "what_it_would_inform": row["purpose"],
            "sector": row["sector"],
            "topics": sorted(row["topics"]),
            "people_who_need_it": row["support_count"] + 1,
            "owner_organisation": row["owner_name"],
            "target_date": row["target_date"],
            "raised": row["created_at"].isoformat(),
            "last_moved": row["last_moved_at"].isoformat(),
            "duplicate_of": duplicate_of or None,
        }
