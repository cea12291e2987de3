from django.dispatch import receiver
from wagtail.signals import page_published

from consultations.models import ConsultationPage
from consultations.services import timetable

# Wagtail also sends page_published when it schedules a revision for later: only
# what people can see now counts.


@receiver(page_published, sender=ConsultationPage)
def consultation_published(sender, instance, **kwargs):
    if instance.live:
        timetable.open_if_due(instance)
        timetable.announce_outcome(instance)
