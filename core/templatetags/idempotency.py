from django import template
from django.utils.html import format_html

from core.idempotency import FIELD, new_key

register = template.Library()


@register.simple_tag
def idempotency_field():
    """The hidden field that makes a resubmitted form count once: a new key each
    time the form is shown."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_key())
