"""Every email the site sends is rendered here, as HTML and plain text, then queued,
in its reader's language: the member's `email_language`, or the page's for someone
without an account. Its links (context keys ending in `url`) lead to the pages in
that language (core/languages.py)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from accounts.tasks import send_email
from core.languages import address_in, link_in
from core.translation import IN_LANGUAGES, words_in


def language_of(user):
    """The language to write to `user` in; the page's when they have none."""
    return getattr(user, "email_language", "") or current_language()


def current_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def in_language(context, language):
    """`context` with its links to the site's pages in `language`, and the names of
    organisations and statistics in it (`translation.in_each_language`), at any
    depth."""

    def moved(key, value):
        if isinstance(value, dict) and IN_LANGUAGES in value:
            return words_in(value, language)
        if isinstance(value, dict):
            return {k: moved(k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [moved("", item) for item in value]
        if isinstance(value, str) and str(key).endswith("url"):
            return link_in(value, language)
        return value

    return moved("", context)


def site_url(language):
    base = settings.WAGTAILADMIN_BASE_URL
    home = address_in("/", language)
    return base if home == "/" else base.rstrip("/") + home


def render_email(template_prefix, context, language=None):
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` in
    `language` (the page's, unless given)."""
    language = language or current_language()
    with translation.override(language):
        context = in_language({"site_url": site_url(language), **context}, language)
        subject = render_to_string(
            f"{template_prefix}_subject.txt", context, using="text"
        )
        text = render_to_string(f"{template_prefix}.txt", context, using="text")
        html = render_to_string(f"{template_prefix}.html", context)
    return " ".join(subject.split()), text.strip() + "\n", html


def queue_email(to, subject, text, html=None, headers=None, attachments=()):
    """Send in the background: a slow mail server never holds up a page.

    `attachments` are (filename, text content, MIME type) triples.
    """
    return send_email.enqueue(
        to=list(to),
        subject=subject,
        text=text,
        html=html,
        headers=headers or {},
        attachments=[list(attachment) for attachment in attachments],
    )
