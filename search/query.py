"""One ranked, filtered, paginated list of what a person may see that matches their
words: threads, replies, data gaps, consultations and their published responses,
meetings, minutes, theme pages and standard pages.

PostgreSQL matches the stored, GIN-indexed vector (English stemming: "answers" finds
"answer") and ranks by ts_rank, titles first. SQLite, the embedded default, matches
each word anywhere in the title or text (no stemming) and ranks title matches first.
"""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from catalogue.models import Statistic
from core.translation import default_language, localize, titled_in_language
from forums.visibility import MODERATE_ALL, MODERATORS
from gaps.services import TRIAGE_ALL, TRIAGE_ROLES
from search.indexing import CONFIG, uses_vectors
from search.models import Kind, SearchDocument, Source
from themes import roles

FORUM_KINDS = [Kind.QUESTION, Kind.DISCUSSION, Kind.REPLY]
# Private-use characters around a match in a headline; `documents.plain` keeps
# them out of every indexed text, so escaping the rest is safe.
START, STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 35
# The most results one search ranks and pages through (100 pages).
MAX_RESULTS = 1000
SQLITE_MAX_WORDS = 10
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    theme_id: int | None = None
    organisation_id: int | None = None
    date_from: object = None  # a date
    date_to: object = None
    newest_first: bool = False


def visible_to(user):
    """The documents this person may see, by each feature's own rule: posts by
    `posts_visible_to` with the forums' and the register's moderators; pages and
    published responses only when public (and responses once the consultation
    closed)."""
    documents = SearchDocument.objects.filter(
        Q(visible_from__isnull=True) | Q(visible_from__lte=timezone.now())
    )
    posts = roles.posts_visible_to(
        user,
        documents.filter(kind__in=FORUM_KINDS),
        MODERATORS,
        everywhere=MODERATE_ALL,
    )
    gaps = roles.posts_visible_to(
        user, documents.filter(kind=Kind.DATA_GAP), TRIAGE_ROLES, everywhere=TRIAGE_ALL
    )
    rest = documents.filter(is_public=True).exclude(
        kind__in=[*FORUM_KINDS, Kind.DATA_GAP]
    )
    return posts | gaps | rest


def _filtered(documents, filters):
    if filters.kind:
        documents = documents.filter(kind=filters.kind)
    if filters.theme_id:
        documents = documents.filter(theme_id=filters.theme_id)
    if filters.organisation_id:
        documents = documents.filter(organisation_id=filters.organisation_id)
    zone = timezone.get_current_timezone()
    if filters.date_from:
        start = datetime.combine(filters.date_from, time.min, tzinfo=zone)
        documents = documents.filter(date__gte=start)
    if filters.date_to:
        end = datetime.combine(
            filters.date_to + timedelta(days=1), time.min, tzinfo=zone
        )
        documents = documents.filter(date__lt=end)
    return documents


def sqlite_words(text):
    return WORD.findall(text.lower())[:SQLITE_MAX_WORDS]


def _matching(documents, text):
    """The documents matching `text`, and the expression that ranks them."""
    if not text:
        return documents, Value(0, output_field=IntegerField())
    if uses_vectors():
        query = SearchQuery(text, config=CONFIG, search_type="websearch")
        return documents.filter(search_vector=query), SearchRank(
            F("search_vector"), query
        )
    words = sqlite_words(text)
    if not words:
        return documents.none(), Value(0, output_field=IntegerField())
    for word in words:
        documents = documents.filter(Q(title__icontains=word) | Q(body__icontains=word))
    in_title = [
        Case(When(title__icontains=word, then=Value(1)), default=Value(0))
        for word in words
    ]
    return documents, sum(in_title[1:], in_title[0])


class CappedPaginator(Paginator):
    """Counts at most MAX_RESULTS; `more` says whether there were more."""

    @cached_property
    def count(self):
        found = super().count
        self.more = found > MAX_RESULTS
        return min(found, MAX_RESULTS)


def results(user, text, filters, *, page_number, per_page):
    """One page of results, in three queries however much matches: the count, one
    page of ids, then those documents with what their result shows.

    Ranking reads every match's vector, which a word in every post makes slow: the
    newest MAX_RESULTS matches (a date-index scan for common words, the GIN index
    for rare ones, as the planner judges) are ranked, and the count stops there.
    """
    matching, rank = _matching(_filtered(visible_to(user), filters), text)
    candidates = matching.order_by("-date", "-pk").values("pk")[: MAX_RESULTS + 1]
    ranked = SearchDocument.objects.filter(pk__in=candidates).annotate(rank=rank)
    if filters.newest_first or not text:
        order = ["-date", "-pk"]
    else:
        order = ["-rank", "-date", "-pk"]
    page = CappedPaginator(
        ranked.order_by(*order).values_list("pk", flat=True), per_page
    ).get_page(page_number)
    shown = SearchDocument.objects.filter(pk__in=list(page.object_list)).select_related(
        "theme", "author", "organisation"
    )
    if text and uses_vectors():
        shown = shown.annotate(
            headline=SearchHeadline(
                "body",
                SearchQuery(text, config=CONFIG, search_type="websearch"),
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=SNIPPET_WORDS,
                min_words=15,
            )
        )
    by_pk = {document.pk: document for document in shown}
    page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    in_reader_language(page.object_list)
    for document in page.object_list:
        if text and uses_vectors():
            document.snippet = marked(document.headline)
        else:
            document.snippet = highlighted(document.body, sqlite_words(text))
    return page


def in_reader_language(documents):
    """The badges' organisations, the themes' and the statistics' titles, and what
    names a reply or a response, in the reader's language (the documents hold the
    language of record's words): three queries for a page of results on a Welsh
    page, none on an English one."""
    localize(document.organisation for document in documents)
    titled_in_language(document.theme for document in documents)
    for document in documents:
        document.title = titled(document)
    language = translation.get_language()
    statistics = {
        document.object_id: document
        for document in documents
        if document.source == Source.STATISTIC
    }
    if not statistics or language in (None, default_language()):
        return
    keys = Statistic.objects.filter(pk__in=statistics).values("translation_key")
    rows = list(
        Statistic.objects.filter(
            Q(pk__in=statistics)
            | Q(translation_key__in=keys, locale__language_code=language)
        ).values_list("pk", "translation_key", "name")
    )
    names = {key: name for pk, key, name in rows if pk not in statistics}
    for pk, key, _name in rows:
        if pk in statistics and key in names:
            statistics[pk].title = names[key]


def titled(document):
    """A result's title as the reader reads it: a reply or a response is named by
    what it answers, which is what the index holds."""
    if document.kind == Kind.REPLY:
        return gettext("Reply to %(title)s") % {"title": document.title}
    if document.kind == Kind.RESPONSE:
        return gettext("Response to %(title)s") % {"title": document.title}
    return document.title


def marked(headline):
    """A PostgreSQL headline as HTML: the text escaped, <mark> around the matches."""
    text = escape(headline or "")
    return mark_safe(text.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def highlighted(body, words, width=SNIPPET_WORDS):
    """Some `width` words of `body` around its first match, escaped, with <mark>
    around every word matched (SQLite, and a search with no words)."""
    tokens = body.split()
    if not words:
        return escape(" ".join(tokens[:width]) + (" …" if len(tokens) > width else ""))
    pattern = re.compile(
        "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)),
        re.IGNORECASE,
    )
    first = next((n for n, token in enumerate(tokens) if pattern.search(token)), 0)
    start = max(0, first - width // 3)
    excerpt = " ".join(tokens[start : start + width])
    pieces, end = [], 0
    for match in pattern.finditer(excerpt):
        pieces.append(escape(excerpt[end : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        end = match.end()
    pieces.append(escape(excerpt[end:]))
    before = "… " if start > 0 else ""
    after = " …" if start + width < len(tokens) else ""
    return mark_safe(before + "".join(pieces) + after)  # noqa: S308
