"""Admin forms every app's pages may use."""

from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.fields import RichTextField


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
