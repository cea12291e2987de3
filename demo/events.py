"""Demo meetings: upcoming ones with registrations, and past ones with minutes."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from core.translation import of_record
from demo.content.minutes import PAST_MEETINGS
from events import services
from events.calendar import LONDON
from events.models import EventPage, MeetingIndexPage, MinutesAttendee, MinutesPage
from themes.models import ThemePage

MEETINGS = [
    {
        "theme": "migration",
        "title": "Migration statistics users' meeting",
        "slug": "migration-users-spring",
        "summary": "ONS and the Home Office on plans for migration estimates, and "
        "your questions.",
        "format": EventPage.Format.HYBRID,
        "venue": "Office for National Statistics, Drummond Gate",
        "address": "1 Drummond Gate\nLondon\nSW1V 2QQ",
        "joining_link": "https://meet.example.org/migration-users",
        "capacity": 40,
        "days_ahead": 21,
        "agenda": [
            {
                "type": "item",
                "value": {"time": "10:00", "title": "Welcome", "speaker": "The chair"},
            },
            {
                "type": "item",
                "value": {
                    "time": "10:10",
                    "title": "Revisions to long-term international migration estimates",
                    "speaker": "Office for National Statistics",
                },
            },
            {
                "type": "item",
                "value": {"time": "11:00", "title": "Questions from users"},
            },
        ],
    },
    {
        "theme": "housing-and-planning",
        "title": "Housing statistics: what users need from local data",
        "slug": "housing-local-data",
        "summary": "Councils and charities on the local housing figures they need.",
        "format": EventPage.Format.ONLINE,
        "joining_link": "https://meet.example.org/housing-local-data",
        "capacity": None,
        "days_ahead": 35,
        "agenda": [],
    },
    {
        "theme": "health-and-social-care",
        "title": "Waiting times statistics across the four nations",
        "slug": "waiting-times-four-nations",
        "summary": "How far NHS waiting times can be compared across the UK.",
        "format": EventPage.Format.IN_PERSON,
        "venue": "Cathays Park",
        "address": "Cardiff\nCF10 3NQ",
        "capacity": 2,
        "days_ahead": 49,
        "agenda": [],
    },
]


def create_demo_meetings(users):
    for spec in MEETINGS:
        meetings = MeetingIndexPage.for_theme(
            of_record(ThemePage.objects).get(slug=spec["theme"])
        )
        if EventPage.objects.child_of(meetings).filter(slug=spec["slug"]).exists():
            continue
        day = timezone.localdate() + timedelta(days=spec["days_ahead"])
        start = datetime.combine(day, time(10, 0), tzinfo=LONDON)
        meeting = EventPage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            start=start,
            end=start + timedelta(hours=2, minutes=30),
            format=spec["format"],
            venue=spec.get("venue", ""),
            address=spec.get("address", ""),
            joining_link=spec.get("joining_link", ""),
            capacity=spec["capacity"],
            agenda=spec["agenda"],
        )
        meetings.add_child(instance=meeting)
        meeting.save_revision().publish()
        for key in ["member", "rafael", "laura"]:
            services.register(meeting, users[key], tell_them=False)


def create_demo_past_meetings():
    for spec in PAST_MEETINGS:
        meetings = MeetingIndexPage.for_theme(
            of_record(ThemePage.objects).get(slug=spec["theme"])
        )
        if EventPage.objects.child_of(meetings).filter(slug=spec["slug"]).exists():
            continue
        day = timezone.localdate() - timedelta(days=spec["days_ago"])
        start = datetime.combine(day, time(14, 0), tzinfo=LONDON)
        meeting = EventPage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            start=start,
            end=start + timedelta(hours=2),
            format=spec["format"],
            venue=spec["venue"],
            address=spec["address"],
            joining_link=spec["joining_link"],
        )
        meetings.add_child(instance=meeting)
        meeting.save_revision().publish()
        create_demo_minutes(meeting, spec["minutes"])


def create_demo_minutes(meeting, spec):
    minutes = MinutesPage(
        title=f"Minutes: {meeting.title}",
        slug="minutes",
        summary=spec["summary"],
        items=[
            {"type": "item", "value": {"title": title, "notes": notes}}
            for title, notes in spec["items"]
        ],
        decisions=[{"type": "decision", "value": text} for text in spec["decisions"]],
        # Already announced: seeding emails no one.
        announced_at=timezone.now(),
    )
    for name, organisation, attendance in spec["attendees"]:
        minutes.attendees.add(
            MinutesAttendee(name=name, organisation=organisation, attendance=attendance)
        )
    meeting.add_child(instance=minutes)
    minutes.save_revision().publish()
