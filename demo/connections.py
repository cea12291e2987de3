"""The demo's links between features, added once the features' demo content exists.

Each page changed here gets a new revision, published, as an editor would make it;
the pages were announced already, so nobody is emailed."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Organisation
from connections.models import ActionItem, ConsultationGapLink, ConsultationThreadLink
from consultations.models import ConsultationPage
from core.translation import of_record
from demo.content.consultations import CONSULTATIONS
from demo.content.minutes import PAST_MEETINGS
from events.models import EventPage, MinutesPage
from forums.models import Thread
from gaps.models import DataGap
from themes.models import ThemePage


def create_demo_links():
    create_demo_actions()
    create_demo_consultation_links()


def create_demo_actions():
    """What each past demo meeting promised, and the discussions it answers."""
    today = timezone.localdate()
    for spec in PAST_MEETINGS:
        theme = of_record(ThemePage.objects).get(slug=spec["theme"])
        meeting = EventPage.objects.descendant_of(theme).get(slug=spec["slug"])
        minutes = MinutesPage.objects.child_of(meeting).get()
        if minutes.action_items.exists():
            continue
        for action in spec["minutes"]["actions"]:
            minutes.action_items.add(
                ActionItem(
                    description=action["description"],
                    owner=action["owner"],
                    organisation=of_record(Organisation.objects)
                    .filter(acronym=action["organisation"])
                    .first(),
                    due_date=today + timedelta(days=action["due_in_days"]),
                    status=action["status"],
                    thread=Thread.objects.filter(title=action.get("thread")).first(),
                )
            )
        minutes.save_revision().publish()


def create_demo_consultation_links():
    """The data gap and the discussion each demo consultation concerns, if any."""
    for spec in CONSULTATIONS:
        if "gap" not in spec and "thread" not in spec:
            continue
        theme = of_record(ThemePage.objects).get(slug=spec["theme"])
        consultation = ConsultationPage.objects.descendant_of(theme).get(
            slug=spec["slug"]
        )
        if consultation.gap_links.exists() or consultation.thread_links.exists():
            continue
        consultation.gap_links = [
            ConsultationGapLink(data_gap=gap)
            for gap in DataGap.objects.filter(title=spec.get("gap"))
        ]
        consultation.thread_links = [
            ConsultationThreadLink(thread=thread)
            for thread in Thread.objects.filter(title=spec.get("thread"))
        ]
        consultation.save_revision().publish()
