"""The consultations a list shows: one rule for the consultations pages and the API."""

from consultations.models import ConsultationPage
from themes import roles


def listed_consultations(chosen, theme=None):
    """Open ones first, then those to come, then closed ones; in `theme` if given,
    in the state `chosen`; only in public themes."""
    consultations = (
        roles.public_pages(ConsultationPage.objects.all())
        .with_state()
        .order_by("state_order", "closes_at", "pk")
    )
    if theme:
        consultations = consultations.descendant_of(theme)
    if chosen.get("state"):
        consultations = consultations.filter(state=chosen["state"])
    return consultations
