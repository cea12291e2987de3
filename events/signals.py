from django.dispatch import receiver
from wagtail.signals import page_published

from events import announcements
from events.models import EventPage, MinutesPage

# Wagtail also sends page_published when it schedules a revision for later: only
# what people can see now is announced.


@receiver(page_published, sender=EventPage)
def announce_meeting_changes(sender, instance, **kwargs):
    if instance.live:
        announcements.meeting_announced(instance)
        announcements.meeting_published(instance)


@receiver(page_published, sender=MinutesPage)
def announce_minutes(sender, instance, **kwargs):
    if instance.live:
        announcements.minutes_published(instance)
