from django import template

from consultations.models import ConsultationPage

register = template.Library()


@register.inclusion_tag("consultations/includes/open_consultations.html")
def open_consultations(theme, count=5):
    """The theme's open consultations, closing soonest first."""
    consultations = (
        ConsultationPage.objects.live()
        .public()
        .child_of(theme)
        .open()
        .order_by("closes_at")[:count]
    )
    return {"consultations": consultations, "theme": theme}


@register.inclusion_tag("consultations/includes/linked_consultations.html")
def linked_consultations(thing):
    """The consultations about a data gap or a thread: the other half of the link."""
    consultations = (
        ConsultationPage.objects.live()
        .public()
        .filter(pk__in=thing.consultation_links.values("page"))
        .order_by("-opens_at")
    )
    return {"consultations": consultations}
