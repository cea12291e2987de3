"""Member text is Markdown: rendered to HTML, then sanitised, never trusted."""

import nh3
from markdown_it import MarkdownIt

# A safe subset: paragraphs, emphasis, lists, links, quotes and code. Raw HTML in
# the source is escaped by the parser, and nh3 removes anything that slips through.
_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(
    ["image", "heading", "lheading", "hr", "table"], ignoreInvalid=True
)
ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def render_markdown(text):
    html = _parser.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )
