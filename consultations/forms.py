"""Response forms, built from a consultation's questions as they were at opening."""

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationResponse, State
from core.forms import RefuseControlCharacters
from themes.forms import ThemeFilters

Response = ConsultationResponse
# What a respondent says about themselves, as well as their answers.
ABOUT_YOU = ["name", "email", "respond_as", "organisation_name", "publication"]


def _quoted(question):
    return f"‘{Truncator(question.question).chars(80)}’"


def answer_field(question, draft=False):
    """The form field for one question; a draft may leave anything unanswered."""
    label = (
        question.question
        if question.required
        else _("%(question)s (optional)") % {"question": question.question}
    )
    quoted = {"question": _quoted(question)}
    common = {
        "label": label,
        "help_text": question.help_text,
        "required": question.required and not draft,
    }
    if question.kind in {"single_choice", "agreement"}:
        # The agreement scale is the site's own words; other options are the
        # producer's, shown as written.
        translate = _ if question.kind == "agreement" else str
        return forms.ChoiceField(
            choices=[(option, translate(option)) for option in question.options],
            widget=forms.RadioSelect,
            error_messages={
                "required": _("Select an answer to %(question)s") % quoted,
                "invalid_choice": _("Select one of the answers to %(question)s")
                % quoted,
            },
            **common,
        )
    if question.kind == "multiple_choice":
        return forms.MultipleChoiceField(
            choices=[(option, option) for option in question.options],
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "required": _("Select at least one answer to %(question)s") % quoted,
                "invalid_choice": _("Select only the answers listed for %(question)s")
                % quoted,
            },
            **common,
        )
    limit = question.limit
    widget = forms.Textarea({"rows": 6}) if question.kind == "long_text" else None
    return forms.CharField(
        max_length=limit,
        widget=widget,
        error_messages={
            "required": _("Enter an answer to %(question)s") % quoted,
            "max_length": _(
                "Your answer to %(question)s must be %(limit)s characters or fewer"
            )
            % {**quoted, "limit": f"{limit:,}"},
        },
        **common,
    )


class ResponseForm(RefuseControlCharacters, forms.Form):
    """One step of a response: some sections' questions, and perhaps 'about you'.

    `draft` lets anything be left unanswered, for saving and coming back.
    """

    def __init__(
        self, *args, sections=(), about_you=False, anonymous=False, draft=False, **kw
    ):
        super().__init__(*args, **kw)
        self.sections = sections
        self.questions = [q for section in sections for q in section.questions]
        for question in self.questions:
            self.fields[question.id] = answer_field(question, draft)
        self.about_you = about_you
        if about_you:
            self.add_about_you_fields(anonymous, draft)

    def add_about_you_fields(self, anonymous, draft):
        if anonymous:
            # Someone without an account confirms their email address instead.
            self.fields["name"] = forms.CharField(
                label=_("Your name"),
                max_length=120,
                required=not draft,
                error_messages={"required": _("Enter your name")},
            )
            self.fields["email"] = forms.EmailField(
                label=_("Your email address"),
                help_text=_("We will email you a link to confirm your response."),
                required=not draft,
                error_messages={
                    "required": _("Enter your email address"),
                    "invalid": _(
                        "Enter an email address in the correct format, like "
                        "name@example.com"
                    ),
                },
            )
        self.fields["respond_as"] = forms.ChoiceField(
            label=_("Are you responding as an individual or for an organisation?"),
            choices=Response.RespondAs.choices,
            widget=forms.RadioSelect,
            required=not draft,
            error_messages={
                "required": _(
                    "Select whether you are responding as an individual or "
                    "for an organisation"
                )
            },
        )
        self.fields["organisation_name"] = forms.CharField(
            label=_("Organisation (if you are responding for one)"),
            max_length=200,
            required=False,
        )
        self.fields["publication"] = forms.ChoiceField(
            label=_("May we publish your response after the consultation closes?"),
            help_text=_("We never publish your email address."),
            choices=Response.Publication.choices,
            widget=forms.RadioSelect,
            required=not draft,
            error_messages={
                "required": _("Select whether we may publish your response")
            },
        )

    def clean(self):
        cleaned = super().clean()
        if (
            self.about_you
            and cleaned.get("respond_as") == Response.RespondAs.ORGANISATION
            and not cleaned.get("organisation_name", "").strip()
        ):
            self.add_error(
                "organisation_name", _("Enter the organisation you are responding for")
            )
        return cleaned

    def answers(self):
        """The answers given in this step, by question id; blanks left out."""
        return {
            question.id: self.cleaned_data[question.id]
            for question in self.questions
            if self.cleaned_data.get(question.id)
        }

    def respondent_details(self):
        return {
            name: self.cleaned_data.get(name, "")
            for name in ABOUT_YOU
            if name in self.fields
        }

    def bound_sections(self):
        """Each section with its bound fields, for the template."""
        return [
            (section, [self[question.id] for question in section.questions])
            for section in self.sections
        ]

    def about_you_fields(self):
        return [self[name] for name in ABOUT_YOU if name in self.fields]


def initial_from(response):
    """What a saved response puts back in the form."""
    initial = dict(response.answers)
    for name in ABOUT_YOU:
        initial[name] = getattr(response, name)
    return initial


class WithholdForm(RefuseControlCharacters, forms.Form):
    reason = forms.CharField(
        label=_("Why are you withholding it from publication?"),
        help_text=_(
            "For the audit log and the other producers, not the respondent. "
            "The response still counts, and is still in the downloads."
        ),
        max_length=500,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Say why you are withholding this response")},
    )


class ConsultationFilters(ThemeFilters):
    """The consultations list's filters: state and theme."""

    field_order = ["state", "theme"]

    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("Any state")), *State.choices],
    )
