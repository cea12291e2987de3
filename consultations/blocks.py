"""The questions a consultation asks, as StreamField blocks producers arrange.

Each question's block id is its key: answers are stored against it, and the
questions as they stood at opening are kept as a snapshot (see questions.py).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail import blocks

# Stored in English, as answers are; shown translated (see forms.answer_field).
AGREEMENT_SCALE = [
    gettext_noop("Strongly agree"),
    gettext_noop("Agree"),
    gettext_noop("Neither agree nor disagree"),
    gettext_noop("Disagree"),
    gettext_noop("Strongly disagree"),
    gettext_noop("Don't know"),
]


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    help_text = blocks.CharBlock(
        required=False,
        max_length=500,
        help_text=_("Shown under the question, to help people answer it."),
    )
    required = blocks.BooleanBlock(
        required=False,
        default=True,
        help_text=_("Untick to let people leave this question unanswered."),
    )

    kind = ""

    class Meta:
        form_classname = "struct-block question-block"


class ShortTextQuestionBlock(QuestionBlock):
    kind = "short_text"

    class Meta:
        icon = "pick"
        label = _("Short text question")
        description = _("A one-line answer, such as a name or a number.")


class LongTextQuestionBlock(QuestionBlock):
    max_characters = blocks.IntegerBlock(
        default=2000, min_value=100, max_value=20000, help_text=_("The longest answer.")
    )
    kind = "long_text"

    class Meta:
        icon = "pilcrow"
        label = _("Long text question")
        description = _("An answer in the respondent's own words, up to a limit.")


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("Option")), min_num=2
    )


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    kind = "single_choice"

    class Meta:
        icon = "radio-full"
        label = _("Single choice question")
        description = _("Respondents pick one option.")


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    kind = "multiple_choice"

    class Meta:
        icon = "tasks"
        label = _("Multiple choice question")
        description = _("Respondents tick every option that applies.")


class AgreementQuestionBlock(QuestionBlock):
    kind = "agreement"

    class Meta:
        icon = "order"
        label = _("Agreement scale")
        description = _(
            "From 'Strongly agree' to 'Strongly disagree', or 'Don't know'."
        )


class QuestionStreamBlock(blocks.StreamBlock):
    short_text = ShortTextQuestionBlock()
    long_text = LongTextQuestionBlock()
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    agreement = AgreementQuestionBlock()


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150)
    introduction = blocks.TextBlock(
        required=False,
        help_text=_("What this section asks about, in a sentence or two."),
    )
    questions = QuestionStreamBlock(min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Section")
        description = _("A group of questions, shown on one page if you choose.")
