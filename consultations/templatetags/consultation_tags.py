from django import template

from consultations.models import ConsultationPage

register = template.Library()


@register.inclusion_tag("consultations/includes/open_consultations.html")
def open_consultations(theme, count=5):
    """The theme's open consultations, closing soonest first."""
    consultations = (
        ConsultationPage.objects.live()
        .public()
        .descendant_of(theme)
        .open()
        .order_by("closes_at")[:count]
    )
    return {"consultations": consultations, "theme": theme}
