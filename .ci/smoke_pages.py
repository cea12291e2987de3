# Printed one a line for .ci/production-smoke: a page of each kind the site serves.
from consultations.models import ConsultationPage
from events.models import EventPage
from forums.models import Thread
from gaps.models import DataGap
from themes.models import ThemePage

print("/")
print(ThemePage.objects.live().public().first().get_url())
thread = Thread.objects.filter(is_public=True, theme__live=True).first()
print(thread.get_absolute_url())
print(DataGap.objects.visible().first().get_absolute_url())
print(EventPage.objects.live().public().first().get_url())
print(ConsultationPage.objects.live().public().first().get_url())
