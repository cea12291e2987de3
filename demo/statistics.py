"""The demo's statistics, loaded through the CSV import a producer would use, then
named by the demo's threads, gaps, consultations, meetings and actions.

The pages changed get a new revision, published, as an editor would make it."""

import csv
import io
from datetime import timedelta

from django.utils import timezone

from accounts.models import Organisation
from catalogue import imports, services
from catalogue.models import Statistic, StatisticContact
from consultations.models import ConsultationPage, ConsultationStatistic
from core.translation import of_record
from demo.content.statistics import STATISTICS
from events.models import EventPage, MeetingStatistic, MinutesPage
from forums.models import Thread
from gaps.models import DataGap


def create_demo_statistics():
    today = timezone.localdate()
    for acronym in dict.fromkeys(spec["producer"] for spec in STATISTICS):
        specs = [spec for spec in STATISTICS if spec["producer"] == acronym]
        services.import_statistics(
            of_record(Organisation.objects).get(acronym=acronym), as_csv(specs, today)
        )
    for spec in STATISTICS:
        statistic = of_record(Statistic.objects).get(slug=spec["slug"])
        if not statistic.contacts.exists():
            StatisticContact.objects.bulk_create(
                StatisticContact(
                    statistic=statistic, name=name, role=role, email=email, sort_order=i
                )
                for i, (name, role, email) in enumerate(spec["contacts"])
            )
        name_in_posts(statistic, spec)
        name_in_pages(statistic, spec)
        name_in_actions(statistic, spec)


def as_csv(specs, today):
    """A producer's list, as they would write it for the import."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(imports.COLUMNS)
    for spec in specs:
        writer.writerow(
            [
                spec["name"],
                spec["slug"],
                spec["reference"],
                spec["description"],
                spec["status"],
                spec["cadence"],
                (today + timedelta(days=spec["next_release_in_days"])).isoformat(),
                ";".join(spec["themes"]),
                spec["url"],
            ]
        )
    return out.getvalue()


def name_in_posts(statistic, spec):
    for thread in Thread.objects.filter(title__in=spec.get("threads", [])):
        thread.statistics.add(statistic)
    for gap in DataGap.objects.filter(title__in=spec.get("gaps", [])):
        gap.statistics.add(statistic)


def name_in_actions(statistic, spec):
    """Actions are part of their minutes: changed through a published revision,
    so publishing the minutes again keeps what they name."""
    actions = spec.get("actions", [])
    for minutes in MinutesPage.objects.filter(
        action_items__description__in=actions
    ).distinct():
        items = list(minutes.action_items.all())
        if all(item.statistic_id for item in items if item.description in actions):
            continue
        for item in items:
            if item.description in actions:
                item.statistic = statistic
        minutes.action_items = items
        minutes.save_revision().publish()


def name_in_pages(statistic, spec):
    pages = [
        *ConsultationPage.objects.filter(slug__in=spec.get("consultations", [])),
        *EventPage.objects.filter(slug__in=spec.get("meetings", [])),
    ]
    for page in pages:
        if page.statistic_links.filter(statistic=statistic).exists():
            continue
        link = (
            ConsultationStatistic
            if isinstance(page, ConsultationPage)
            else MeetingStatistic
        )
        page.statistic_links.add(link(statistic=statistic))
        page.save_revision().publish()
