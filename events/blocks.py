from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import ParagraphBlock


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(required=False, help_text=_("When this item starts."))
    title = blocks.CharBlock()
    speaker = blocks.CharBlock(required=False, help_text=_("Name and organisation."))
    papers = blocks.ListBlock(
        DocumentChooserBlock(), default=[], help_text=_("Papers for this item.")
    )

    class Meta:
        icon = "time"
        template = "blocks/agenda_item_block.html"
        preview_value = {"title": "Welcome and introductions", "speaker": "The chair"}
        description = "One item on the meeting's agenda."


class DiscussionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    notes = ParagraphBlock(help_text=_("What was said, and by whom."))

    class Meta:
        icon = "doc-full"
        template = "blocks/discussion_item_block.html"
        preview_value = {
            "title": "Revisions to migration estimates",
            "notes": "<p>ONS explained why the estimates were revised.</p>",
        }
        description = "One item discussed at the meeting."


class DecisionBlock(blocks.TextBlock):
    class Meta:
        icon = "tick"
        template = "blocks/decision_block.html"
        preview_value = "The forum will meet again in the spring."
        description = "One thing the meeting decided."
