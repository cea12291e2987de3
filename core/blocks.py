"""StreamField blocks every page shares, each rendered as GOV.UK Frontend markup."""

from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        form_classname = "title"
        preview_value = "How to take part"
        description = (
            "A section heading. It appears in the page's outline for screen readers."
        )


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        preview_value = "<p>Tell producers what you need from their statistics.</p>"
        description = "Paragraphs, lists and links."


class InsetTextBlock(blocks.TextBlock):
    class Meta:
        icon = "openquote"
        template = "blocks/inset_text_block.html"
        preview_value = "Meetings are open to every member of the theme."
        description = (
            "A short piece of text set apart from the rest, such as a quotation."
        )


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(
        help_text="The link text a reader clicks to open the details."
    )
    content = ParagraphBlock()

    class Meta:
        icon = "folder-open-inverse"
        template = "blocks/details_block.html"
        preview_value = {
            "summary": "Who can join this theme?",
            "content": "<p>Anyone with an interest in these statistics.</p>",
        }
        description = "Extra information a reader can open if they need it."


class WarningTextBlock(blocks.CharBlock):
    class Meta:
        icon = "warning"
        template = "blocks/warning_text_block.html"
        preview_value = "Do not share personal data in public discussions."
        description = "An important warning, shown with a warning icon."


class ContentBlock(blocks.StreamBlock):
    """The body of editorial pages: headings, prose, insets, details and warnings."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    inset_text = InsetTextBlock()
    details = DetailsBlock()
    warning_text = WarningTextBlock()

    class Meta:
        template = "blocks/content_block.html"
