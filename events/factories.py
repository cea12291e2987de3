from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventPage, MeetingIndexPage, MinutesPage
from themes.factories import ThemeSectionPageFactory


class EventPageFactory(ThemeSectionPageFactory):
    _section = MeetingIndexPage
    title = factory.Sequence(lambda n: f"Meeting {n}")
    summary = "Producers present their plans and take questions."
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    format = EventPage.Format.ONLINE
    joining_link = "https://meet.example.org/statsforum"

    class Meta:
        model = EventPage


class MinutesPageFactory(wagtail_factories.PageFactory):
    title = "Minutes"
    slug = "minutes"
    summary = "<p>Producers set out their plans and members asked questions.</p>"

    class Meta:
        model = MinutesPage
