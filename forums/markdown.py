"""Member text is Markdown: rendered to HTML, then sanitised, never trusted."""

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from accounts.handles import MENTION

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
# Posts keep the HTML this renderer made (forums/rendering.py). Add one when what it
# makes changes, then run `manage.py render_posts` to render every post again.
RENDERER_VERSION = 1


def _mentions(state):
    """@handle in running text (not in code, not in a link): the handles found go
    to env["found"]; those in env["links"] ({handle: url}) become links."""
    found, links = state.env.get("found"), state.env.get("links") or {}
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, in_link = [], 0
        for token in block.children:
            in_link += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            if token.type != "text" or in_link or "@" not in token.content:
                children.append(token)
                continue
            children.extend(_split(token.content, found, links))
        block.children = children


def _split(text, found, links):
    tokens, start = [], 0
    for match in MENTION.finditer(text):
        handle = match.group(1).lower()
        if found is not None and handle not in found:
            found.append(handle)
        if handle not in links:
            continue
        tokens.append(_text(text[start : match.start()]))
        link = Token("link_open", "a", 1)
        link.attrSet("href", links[handle])
        tokens += [link, _text(match.group(0)), Token("link_close", "a", -1)]
        start = match.end()
    tokens.append(_text(text[start:]))
    return [token for token in tokens if token.type != "text" or token.content]


def _text(content):
    token = Token("text", "", 0)
    token.content = content
    return token


_parser.core.ruler.push("mentions", _mentions)


def mentioned_handles(text):
    """The handles @mentioned in the text, in order, each once, in lower case."""
    env = {"found": []}
    _parser.parse(text or "", env)
    return env["found"]


def render_markdown(text, mentions=None):
    """`mentions` ({handle: url}) says which @handles link to a profile."""
    html = _parser.render(text or "", {"links": mentions or {}})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )
