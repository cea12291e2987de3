"""Demo data gaps in every status, with supporters and timelines; nobody is emailed."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Organisation
from core.translation import of_record
from demo.content.gaps import GAPS
from gaps import services
from gaps.models import DataGap, GapSupport, GapUpdate
from themes import roles
from themes.models import Role, ThemePage


def create_demo_gaps(users):
    made = {}
    now = timezone.now()
    for spec in GAPS:
        theme = of_record(ThemePage.objects).get(slug=spec["theme"])
        existing = DataGap.objects.filter(theme=theme, title=spec["title"]).first()
        if existing:
            made[spec["key"]] = existing
            continue
        gap = services.raise_gap(
            users[spec["author"]],
            theme,
            title=spec["title"],
            measure=spec["measure"],
            purpose=spec["purpose"],
            geography=spec.get("geography", ""),
            breakdown=spec.get("breakdown", ""),
            frequency=spec.get("frequency", ""),
            topics=spec.get("topics", []),
        )
        raised = now - timedelta(days=spec["days_ago"])
        DataGap.objects.filter(pk=gap.pk).update(
            created_at=raised, last_moved_at=raised
        )
        gap.updates.update(created_at=raised)
        for n, (key, use_case, show_name) in enumerate(spec["supporters"], 1):
            services.support(gap, users[key], use_case=use_case, show_name=show_name)
            GapSupport.objects.filter(gap=gap, user=users[key]).update(
                created_at=raised + timedelta(days=2 * n)
            )
        triager = triager_for(theme)
        for days_ago, status, note in spec["steps"]:
            gap.refresh_from_db()
            services.change_status(
                gap,
                triager,
                status=status,
                note=note,
                duplicate_of=made.get(spec.get("duplicate_of")),
                owner_organisation=of_record(Organisation.objects)
                .filter(acronym=spec.get("owner"))
                .first(),
                target_date=(
                    timezone.localdate() + timedelta(days=spec["target_in_days"])
                    if "target_in_days" in spec
                    else None
                ),
                tell=False,
            )
            moved = now - timedelta(days=days_ago)
            GapUpdate.objects.filter(gap=gap, to_status=status).update(created_at=moved)
            DataGap.objects.filter(pk=gap.pk).update(last_moved_at=moved)
            if status == spec["steps"][0][1]:
                DataGap.objects.filter(pk=gap.pk).update(first_response_at=moved)
        made[spec["key"]] = gap
    return made


def triager_for(theme):
    """The theme's first producer or chair: they answer in the demo."""
    return (
        roles.holders(Role.CHAIR, theme).order_by("pk").first()
        or roles.holders(Role.PRODUCER, theme).order_by("pk").first()
    )
