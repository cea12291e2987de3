from django import forms
from django.utils.translation import gettext_lazy as _
from django_comments.abstracts import COMMENT_MAX_LENGTH

from catalogue.forms import NamesStatistics
from core.forms import (
    IdChoiceField,
    IdField,
    ListFilters,
    RefuseControlCharacters,
    TagsField,
)
from core.translation import titled_in_language
from forums.models import Report, Thread

MARKDOWN_HINT = _(
    "You can use Markdown: *italic*, **bold**, [a link](https://example.org), "
    "lists that start with -, and > for a quote."
)


class ThreadForm(NamesStatistics, RefuseControlCharacters, forms.ModelForm):
    class Meta:
        model = Thread
        field_classes = {"topics": TagsField}
        fields = ["kind", "title", "body", "topics", "statistics"]
        labels = {
            "kind": _("What are you starting?"),
            "title": _("Title"),
            "body": _("Your message"),
            "topics": _("Topics (optional)"),
        }
        help_texts = {
            "title": _(
                "A short summary, such as 'Local authority estimates for 2025'."
            ),
            "body": MARKDOWN_HINT,
            "topics": _(
                "Separate topics with commas, for example: census, small areas."
            ),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "body": forms.Textarea({"rows": 8}),
        }
        error_messages = {
            "kind": {"required": _("Choose a question or a discussion.")},
            "title": {"required": _("Enter a title.")},
            "body": {"required": _("Write your message.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Thread.Kind.choices


class ReplyForm(RefuseControlCharacters, forms.Form):
    comment = forms.CharField(
        label=_("Your reply"),
        help_text=MARKDOWN_HINT,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea({"rows": 5}),
        error_messages={"required": _("Write your reply.")},
    )
    parent = IdField(required=False, widget=forms.HiddenInput)


class ReportForm(RefuseControlCharacters, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "detail"]
        labels = {"reason": _("Why are you reporting it?")}
        help_texts = {
            "detail": _(
                "Optional. Anything that helps the moderators, in up to 500 characters."
            )
        }
        widgets = {"reason": forms.RadioSelect, "detail": forms.Textarea({"rows": 3})}
        error_messages = {"reason": {"required": _("Choose why you are reporting it.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = Report.Reason.choices


# How a theme's discussions may be ordered (the views know each order's fields).
SORTS = {
    "latest": _("Latest activity"),
    "newest": _("Newest"),
    "unanswered": _("Unanswered questions"),
}


class ThreadFilters(ListFilters):
    """A theme's discussions: their order, and the topic a thread's link chose."""

    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
    # Set by a topic's link on a thread; sorting keeps it.
    topic = forms.CharField(
        required=False, max_length=TagsField.max_tag_length, widget=forms.HiddenInput
    )


class QuestionAboutStatisticForm(RefuseControlCharacters, forms.ModelForm):
    """A question about one statistic, in one of its themes (any public theme when
    it has none), tagged to it."""

    theme = IdChoiceField(
        label=_("Which theme should it go to?"),
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the theme to ask in.")},
    )

    class Meta:
        model = Thread
        fields = ["title", "body"]
        labels = {"title": _("Your question in a line"), "body": _("Your question")}
        help_texts = {
            "title": _("Such as 'Why did the response rate fall in 2024?'"),
            "body": MARKDOWN_HINT,
        }
        widgets = {"body": forms.Textarea({"rows": 8})}
        error_messages = {
            "title": {"required": _("Enter your question in a line.")},
            "body": {"required": _("Write your question.")},
        }

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes
        self.fields["theme"].empty_label = None
        # Each in the reader's language: one query for them all.
        titles = {
            theme.pk: theme.title_in_language for theme in titled_in_language(themes)
        }
        self.fields["theme"].label_from_instance = lambda theme: titles.get(
            theme.pk, theme.title
        )
        only = list(themes[:2])
        if len(only) == 1:
            # Nothing to choose: the form asks only what the member must write.
            self.fields["theme"].widget = forms.HiddenInput()
            self.fields["theme"].initial = only[0].pk
