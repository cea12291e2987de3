from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from consultations.models import ConsultationIndexPage, ConsultationPage
from consultations.services import timetable
from themes.models import ThemePage


@receiver(post_save, sender=ThemePage)
def give_a_new_theme_its_consultations(sender, instance, created, raw=False, **kwargs):
    # An alias shows its original's pages; loaded fixtures bring their own.
    if created and not raw and instance.alias_of_id is None:
        ConsultationIndexPage.for_theme(instance)


# Wagtail also sends page_published when it schedules a revision for later: only
# what people can see now counts.


@receiver(page_published, sender=ConsultationPage)
def consultation_published(sender, instance, **kwargs):
    if instance.live:
        timetable.open_if_due(instance)
        timetable.announce_outcome(instance)
