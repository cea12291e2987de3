"""Forms and form fields every app may use."""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.fields import RichTextField

from core.ids import MAX_ID, as_id
from core.translation import in_reading_order, localize

# Invisible characters no keyboard types: C0 controls but tab and newlines, DEL, and
# the halves of a UTF-16 pair on their own (not text at all; PostgreSQL refuses them).
# Stored, they break exports, feeds and other people's screens. NUL is Django's own
# check (ProhibitNullCharactersValidator), with its own message.
CONTROL_CHARACTER = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def refuse_control_characters(value):
    found = CONTROL_CHARACTER.search(value)
    if found:
        raise ValidationError(
            _(
                "Remove the hidden control character (U+%(code)s) from this text: "
                "it is often pasted in from another program."
            ),
            code="control_character",
            params={"code": f"{ord(found.group()):04X}"},
        )


class RefuseControlCharacters:
    """For every form members type into: each text field refuses control characters
    next to the field, with what was typed kept. Mixed in first; it reaches fields
    added in __init__ too (a consultation's questions). Passwords are left alone:
    they are never shown or stored as text."""

    def full_clean(self):
        for field in self.fields.values():
            if (
                isinstance(field, forms.CharField)
                and not isinstance(field.widget, forms.PasswordInput)
                and refuse_control_characters not in field.validators
            ):
                field.validators.append(refuse_control_characters)
        super().full_clean()


class RequiredRichTextPageForm(WagtailAdminPageForm):
    """Refuses an empty required rich text field.

    Draftail posts an empty editor as an empty paragraph, which Django's `required`
    lets through. Saving a draft defers required fields, and so this check too.
    """

    def clean(self):
        cleaned_data = super().clean()
        for field in self._meta.model._meta.get_fields():
            name = field.name
            if (
                isinstance(field, RichTextField)
                and name in self.fields
                and self.fields[name].required
                and name in cleaned_data
                and not strip_tags(cleaned_data[name] or "").strip()
            ):
                self.add_error(name, self.fields[name].error_messages["required"])
        return cleaned_data


# A number that is no id is refused as a choice that does not exist, before the
# database sees it (SQLite cannot even hold one past 2**63).


class IdField(forms.IntegerField):
    """An id sent back by a form, such as the reply being answered."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class IdChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if isinstance(value, str) and value and as_id(value) is None:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else ():
            if as_id(str(pk)) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)


class InLanguageChoiceIterator(forms.models.ModelChoiceIterator):
    """The choices of translatable snippets (organisations, statistics), each named
    in the reader's language: their translations found at once (`localize`), not one
    by one."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        objects = self.field.localize_choices(list(self.queryset))
        # The rows come in the order of their English names: put them in the order
        # of the names the reader sees, in their alphabet.
        objects = in_reading_order(objects, self.field.label_from_instance)
        for obj in objects:
            yield self.choice(obj)


class InLanguageChoices:
    """For a choice field of translatable snippets (organisations, statistics): each
    named in the reader's language. Its queryset must hold rows of record only
    (`of_record`), so a translation's id is refused as a choice that does not exist."""

    iterator = InLanguageChoiceIterator

    def localize_choices(self, objects):
        return localize(objects)

    def label_from_instance(self, obj):
        return str(obj.localized)


class InLanguageChoiceField(InLanguageChoices, IdChoiceField):
    pass


class TagsField(TagField):
    """Topics or areas of expertise typed with commas. Each must fit the tag's name
    column (taggit's 100 characters), or PostgreSQL refuses the whole save."""

    max_tag_length = 100

    def clean(self, value):
        tags = super().clean(value)
        for tag in tags:
            if len(tag) > self.max_tag_length:
                raise ValidationError(
                    _(
                        "Each one must be %(limit)s characters or fewer: "
                        "shorten “%(start)s…”."
                    ),
                    code="tag_too_long",
                    params={"limit": self.max_tag_length, "start": tag[:30]},
                )
        return tags


class ListFilters(forms.Form):
    """A list's filters, sent by GET so that each filtered list has an address.

    A value that is not one of the options drops out of `chosen()`: a hostile query
    string shows the list unfiltered by it, never an error page. The form shown is
    built unbound from what was chosen (`initial=`), so it shows no error either.
    """

    def chosen(self):
        """The valid, non-empty filters."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class GovukDateInput(forms.MultiWidget):
    """Day, month and year boxes, as GOV.UK's date input asks for a date."""

    PARTS = ("day", "month", "year")

    def __init__(self, attrs=None):
        widgets = {
            part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in self.PARTS
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]

    def id_for_label(self, id_):
        # The error summary's link lands on the day box.
        return f"{id_}_day" if id_ else id_


# What a date typed in part lacks, as whole sentences (one or two parts missing).
INCOMPLETE = {
    ("day",): _("%(label)s must include a day"),
    ("month",): _("%(label)s must include a month"),
    ("year",): _("%(label)s must include a year"),
    ("day", "month"): _("%(label)s must include a day and a month"),
    ("day", "year"): _("%(label)s must include a day and a year"),
    ("month", "year"): _("%(label)s must include a month and a year"),
}


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year; GOV.UK's messages for each mistake."""

    widget = GovukDateInput
    EARLIEST_YEAR, LATEST_YEAR = 1900, 2100

    def __init__(self, **kwargs):
        parts = [forms.CharField(required=False) for _part in GovukDateInput.PARTS]
        super().__init__(parts, require_all_fields=False, **kwargs)

    def clean(self, value):
        value = [*(value or []), "", "", ""][:3]
        parts = [str(part or "").strip() for part in value]
        label = str(self.label or _("The date"))
        if not any(parts):
            if self.required:
                raise ValidationError(
                    _("Enter %(label)s") % {"label": label.lower()}, code="required"
                )
            return None
        missing = [
            name
            for name, part in zip(GovukDateInput.PARTS, parts, strict=True)
            if not part
        ]
        if missing:
            raise ValidationError(
                INCOMPLETE[tuple(missing)] % {"label": label}, code="incomplete"
            )
        try:
            day, month, year = (int(part) for part in parts)
            if not self.EARLIEST_YEAR <= year <= self.LATEST_YEAR:
                raise ValueError
            return date(year, month, day)
        except (ValueError, OverflowError):
            raise ValidationError(
                _("%(label)s must be a real date, between %(earliest)s and %(latest)s")
                % {
                    "label": label,
                    "earliest": self.EARLIEST_YEAR,
                    "latest": self.LATEST_YEAR,
                },
                code="invalid",
            ) from None
