"""GOV.UK Frontend markup for any Django form: the one way forms are rendered here."""

from django import template

register = template.Library()

WIDGET_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
}
CHOICE_WIDGETS = {"radioselect", "checkboxselectmultiple", "checkbox"}


@register.filter
def govuk_widget(field):
    """Render a text-like widget with GOV.UK classes and its hint and error ids."""
    css = WIDGET_CLASSES.get(field.widget_type, "govuk-input")
    existing = field.field.widget.attrs.get("class")
    classes = [css, existing] if existing else [css]
    if field.errors:
        classes.append(f"{css}--error")
    attrs = {"class": " ".join(classes), "placeholder": False}
    described_by = govuk_described_by(field)
    if described_by:
        attrs["aria-describedby"] = described_by
    return field.as_widget(attrs=attrs)


@register.filter
def govuk_described_by(field):
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def is_choice_widget(field):
    return field.widget_type in CHOICE_WIDGETS


@register.filter
def first_error_anchor(field):
    """Where the error summary links to: the field, or its first option."""
    if field.widget_type in {"radioselect", "checkboxselectmultiple"}:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.filter
def govuk_choice_kind(field):
    """'radios' or 'checkboxes': the GOV.UK component a choice field uses."""
    return "radios" if field.widget_type == "radioselect" else "checkboxes"
