from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(required=False, help_text="When this item starts.")
    title = blocks.CharBlock()
    speaker = blocks.CharBlock(required=False, help_text="Name and organisation.")
    papers = blocks.ListBlock(
        DocumentChooserBlock(), default=[], help_text="Papers for this item."
    )

    class Meta:
        icon = "time"
        template = "blocks/agenda_item_block.html"
        preview_value = {"title": "Welcome and introductions", "speaker": "The chair"}
        description = "One item on the meeting's agenda."
