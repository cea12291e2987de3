"""What each kind of content puts in the search index: plain text, its theme, its
author's badge, its address, and whether it is public. `None` means no document:
the content is deleted, erased, unpublished, withheld or private."""

import html
import re

from django.utils import timezone, translation
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from consultations.models import ConsultationPage, ConsultationResponse
from consultations.questions import all_questions
from core.search import CONTROL_CHARACTERS
from events.models import EventPage, MinutesPage
from forums.services import REPLIES_PER_PAGE, replies_to
from search.models import Kind
from themes import roles
from themes.models import ThemePage

# The private-use characters the highlighter puts around a match.
MARKERS = re.compile("[\ue000-\uf8ff]")

PAGE_KINDS = [
    (ThemePage, Kind.THEME),
    (EventPage, Kind.MEETING),
    (MinutesPage, Kind.MINUTES),
    (ConsultationPage, Kind.CONSULTATION),
]


def english(make):
    """`make()` in English: the index is one for every reader, whatever the language
    of the request that changed it."""
    with translation.override(None):
        return str(make())


def plain(*parts):
    """Plain text from text and HTML: tags out, entities read, control characters
    (which the highlighter uses as markers) out, spaces tidied."""
    text = " ".join(html.unescape(strip_tags(str(part))) for part in parts if part)
    return " ".join(MARKERS.sub(" ", CONTROL_CHARACTERS.sub(" ", text)).split())


def public_themes():
    """Live themes that no view restriction covers, as every feature's lists show."""
    return roles.public_themes()


def theme_of(page):
    return ThemePage.objects.ancestor_of(page, inclusive=True).first()


def badge_fields(role):
    if role is None:
        return {"role": "", "organisation_id": None}
    return {"role": role.role, "organisation_id": role.organisation_id}


def thread_fields(thread, role):
    return {
        "kind": Kind.QUESTION if thread.is_question else Kind.DISCUSSION,
        "theme_id": thread.theme_id,
        "title": plain(thread.title),
        "body": plain(thread.body_html),
        "url": thread.get_absolute_url(),
        "date": thread.created_at,
        "author_id": thread.author_id,
        "who": "",
        "is_public": thread.is_public,
        "visible_from": None,
        **badge_fields(role),
    }


def reply_fields(reply, thread, role, position):
    """`position`: the reply's conversation among the thread's, from 0, for the
    page of the thread it is on."""
    if reply.is_removed:
        return None
    page = position // REPLIES_PER_PAGE + 1
    # In a held or hidden thread only its author and moderators see the thread;
    # someone else's reply in it is then for the moderators alone.
    sees_thread = thread.is_public or thread.author_id == reply.user_id
    return {
        "kind": Kind.REPLY,
        "theme_id": thread.theme_id,
        # "Reply to ..." is said in the reader's language (search.query.titled).
        "title": plain(thread.title),
        "body": plain(reply.comment),
        "url": f"{thread.get_absolute_url()}"
        f"{f'?page={page}' if page > 1 else ''}#reply-{reply.pk}",
        "date": reply.submit_date,
        "author_id": reply.user_id if sees_thread else None,
        "who": ""
        if sees_thread
        else plain(reply.user.public_name if reply.user else ""),
        "is_public": reply.is_public and thread.is_public,
        "visible_from": None,
        **badge_fields(role),
    }


def reply_position(reply, thread):
    """How many conversations (top-level replies) come before this reply's."""
    return replies_to(thread).filter(level=0, thread_id__lt=reply.thread_id).count()


def gap_fields(gap, role):
    return {
        "kind": Kind.DATA_GAP,
        "theme_id": gap.theme_id,
        "title": plain(gap.title),
        "body": plain(
            gap.measure, gap.geography, gap.breakdown, gap.frequency, gap.purpose
        ),
        "url": gap.get_absolute_url(),
        "date": gap.created_at,
        "author_id": gap.author_id,
        "who": "",
        "is_public": gap.is_public,
        "visible_from": None,
        **badge_fields(role),
    }


def statistic_fields(statistic):
    """A statistic is found by its name, description and producer; its producer
    is the organisation filter's answer, as an author's is for a post."""
    return {
        "kind": Kind.STATISTIC,
        "theme_id": None,
        "title": plain(statistic.name),
        "body": plain(
            statistic.description,
            statistic.producer.name,
            statistic.producer.acronym,
            statistic.get_status_display(),
        ),
        "url": statistic.get_absolute_url(),
        "date": statistic.updated_at,
        "author_id": None,
        "who": "",
        "is_public": True,
        "visible_from": None,
        "role": "",
        "organisation_id": statistic.producer_id,
    }


def page_text(page):
    values = []
    for field in page.get_searchable_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        value = field.get_value(page)
        values.extend(value if isinstance(value, list | tuple) else [value])
    return plain(*values)


def page_kind(page):
    for model, kind in PAGE_KINDS:
        if isinstance(page, model):
            return kind
    return Kind.PAGE


def page_fields(page):
    """A live, public page's document; the caller checked both."""
    theme = theme_of(page)
    date = (
        getattr(page, "start", None)
        or getattr(page, "opens_at", None)
        or page.last_published_at
        or page.first_published_at
        or timezone.now()
    )
    return {
        "kind": page_kind(page),
        "theme_id": theme.pk if theme else None,
        "title": plain(page.title),
        "body": plain(page.search_description, page_text(page)),
        "url": page.url or "",
        "date": date,
        "author_id": None,
        "who": "",
        "is_public": True,
        "visible_from": None,
        "role": "",
        "organisation_id": None,
    }


def response_fields(response, consultation, theme):
    """A published response: shown, as its page shows it, once the consultation
    closes."""
    answers = [
        f"{question.question} {question.display(response.answers.get(question.id))}"
        for question in all_questions(consultation.sections)
    ]
    return {
        "kind": Kind.RESPONSE,
        "theme_id": theme.pk if theme else None,
        "title": plain(consultation.title),
        "body": plain(*answers),
        "url": f"{consultation.url}responses/",
        "date": response.submitted_at or response.updated_at,
        "author_id": None,
        "who": plain(english(lambda: response.published_name)),
        "is_public": True,
        "visible_from": None if consultation.outcome_date else consultation.closes_at,
        "role": "",
        "organisation_id": None,
    }


def live_public_page(pk):
    page = roles.public_pages(Page.objects.filter(pk=pk, depth__gt=1)).first()
    return page.specific if page else None


def role_of(user, theme):
    """The author's role in the theme (the badge beside their post), or None."""
    if user is None:
        return None
    return roles.role_held(user, theme)


def published_response(pk):
    return (
        ConsultationResponse.objects.published()
        .select_related("user")
        .filter(pk=pk)
        .first()
    )
