"""Pages asked for in Welsh, at their /cy/ address, as a Welsh reader gets them, and
themes translated into Welsh for them."""

import html

from django.urls import translate_url
from django.utils import translation

from demo.welsh import translate_page


def in_welsh(send, path, *args, **kwargs):
    """`send` (client.get or client.post) to `path`, in Welsh."""
    # Translated from English: under Welsh, an English address does not resolve.
    welsh_path = translate_url(path, "cy")
    with translation.override("cy"):
        return send(welsh_path, *args, **kwargs)


def page_in_welsh(client, path, *args, **kwargs):
    """The page at `path`, in Welsh, as text (its apostrophes unescaped)."""
    response = in_welsh(client.get, path, *args, **kwargs)
    assert response.status_code == 200, response.status_code
    return text_of(response)


def text_of(response):
    return html.unescape(response.content.decode())


def translated(theme, welsh, title, publish=True):
    """The theme's Welsh translation (its parents' too, as wagtail-localize makes
    them): published, or a draft an editor has not published yet."""
    translate_page(theme.get_parent().get_parent(), welsh, {})
    translate_page(theme.get_parent(), welsh, {})
    if publish:
        return translate_page(theme, welsh, {"title": title})
    draft = theme.copy_for_translation(welsh)
    draft.title = title
    draft.live = False
    draft.save()
    return draft
