from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from events import announcements
from events.models import EventPage, MeetingIndexPage, MinutesPage
from themes.models import ThemePage


@receiver(post_save, sender=ThemePage)
def give_a_new_theme_its_meetings(sender, instance, created, raw=False, **kwargs):
    # An alias shows its original's pages; loaded fixtures bring their own.
    if created and not raw and instance.alias_of_id is None:
        MeetingIndexPage.for_theme(instance)


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
