"""Keeping the search index current: one object at a time as content changes, a
theme or the whole site at once (`rebuild_search_index`).

Every function reads the content afresh from the database, so a draft in memory or
a stale copy is never indexed.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django_comments_xtd.models import XtdComment
from wagtail.models import Page
from wagtail.search import index

from catalogue.models import Statistic
from consultations.models import ConsultationPage, ConsultationResponse
from core.translation import of_record
from forums.models import Thread
from forums.services import replies_to, replies_to_any_thread
from gaps.models import DataGap
from search import documents
from search.models import SearchDocument, Source
from themes import roles
from themes.models import ThemePage

BATCH = 1000
CONFIG = "english"


def batched(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def uses_vectors():
    return connection.vendor == "postgresql"


def search_vector():
    """Title first, then the text: a word in a title ranks higher."""
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector(
        "body", weight="B", config=CONFIG
    )


def _store(source, object_id, fields):
    if fields is None:
        SearchDocument.objects.filter(source=source, object_id=object_id).delete()
        return
    document, _ = SearchDocument.objects.update_or_create(
        source=source, object_id=object_id, defaults=fields
    )
    if uses_vectors():
        SearchDocument.objects.filter(pk=document.pk).update(
            search_vector=search_vector()
        )


def _remove(source, object_ids):
    SearchDocument.objects.filter(source=source, object_id__in=object_ids).delete()


def _is_public_theme(theme_id):
    return documents.public_themes().filter(pk=theme_id).exists()


# One object at a time


def index_thread(pk, *, with_replies=True):
    thread = Thread.objects.select_related("theme", "author").filter(pk=pk).first()
    if thread is None or not _is_public_theme(thread.theme_id):
        fields = None
    else:
        fields = documents.thread_fields(
            thread, documents.role_of(thread.author, thread.theme)
        )
    before = SearchDocument.objects.filter(source=Source.THREAD, object_id=pk).first()
    _store(Source.THREAD, pk, fields)
    # Its replies carry its title, theme and visibility: when those change, so do
    # theirs.
    changed = (
        before is None
        or fields is None
        or (before.title, before.theme_id, before.is_public, before.url)
        != (fields["title"], fields["theme_id"], fields["is_public"], fields["url"])
    )
    if with_replies and changed:
        if fields is None:
            SearchDocument.objects.filter(
                source=Source.REPLY, object_id__in=_reply_ids_of(pk)
            ).delete()
        else:
            index_replies_of(thread)


def _reply_ids_of(thread_pk):
    return XtdComment.objects.filter(
        content_type__app_label="forums",
        content_type__model="thread",
        object_pk=str(thread_pk),
    ).values("pk")


def index_reply(pk):
    reply = XtdComment.objects.select_related("user").filter(pk=pk).first()
    thread = None
    if reply is not None and reply.content_type.model_class() is Thread:
        thread = (
            Thread.objects.select_related("theme")
            .filter(pk=int(reply.object_pk))
            .first()
        )
    if thread is None or not _is_public_theme(thread.theme_id):
        _store(Source.REPLY, pk, None)
        return
    fields = documents.reply_fields(
        reply,
        thread,
        documents.role_of(reply.user, thread.theme),
        documents.reply_position(reply, thread),
    )
    _store(Source.REPLY, pk, fields)


def index_gap(pk):
    gap = DataGap.objects.select_related("theme", "author").filter(pk=pk).first()
    if gap is None or not _is_public_theme(gap.theme_id):
        _store(Source.DATA_GAP, pk, None)
        return
    _store(
        Source.DATA_GAP,
        pk,
        documents.gap_fields(gap, documents.role_of(gap.author, gap.theme)),
    )


def index_statistic(pk):
    # Search finds a statistic in its language of record (see "What stays English").
    statistic = (
        of_record(Statistic.objects).select_related("producer").filter(pk=pk).first()
    )
    fields = documents.statistic_fields(statistic) if statistic else None
    _store(Source.STATISTIC, pk, fields)


def index_page(pk):
    page = documents.live_public_page(pk)
    # A kind of page with no search fields (a theme's sections, which list what
    # the search finds itself) is left out, as Wagtail's own search leaves it.
    searched = page is not None and index.class_is_indexed(type(page))
    _store(Source.PAGE, pk, documents.page_fields(page) if searched else None)
    if isinstance(page, ConsultationPage) or page is None:
        index_responses_of(pk)


def index_response(pk):
    response = documents.published_response(pk)
    consultation = (
        documents.live_public_page(response.consultation_id) if response else None
    )
    if not isinstance(consultation, ConsultationPage):
        _store(Source.RESPONSE, pk, None)
        return
    _store(
        Source.RESPONSE,
        pk,
        documents.response_fields(
            response, consultation, documents.theme_of(consultation)
        ),
    )


def index_responses_of(consultation_pk):
    ids = ConsultationResponse.objects.filter(
        consultation_id=consultation_pk
    ).values_list("pk", flat=True)
    for pk in ids:
        index_response(pk)
    # Responses already gone from the table went with their post_delete.


# Many at once


def _bulk_store(source, documents_by_id):
    """Replace the documents of these objects: the ones given, none for the rest."""
    object_ids = list(documents_by_id)
    for ids in batched(object_ids, BATCH):
        with transaction.atomic():
            _remove(source, ids)
            made = SearchDocument.objects.bulk_create(
                SearchDocument(source=source, object_id=pk, **documents_by_id[pk])
                for pk in ids
                if documents_by_id[pk] is not None
            )
            if uses_vectors() and made:
                SearchDocument.objects.filter(source=source, object_id__in=ids).update(
                    search_vector=search_vector()
                )


def index_replies_of(thread):
    replies = list(
        replies_to(thread).select_related("user").order_by("thread_id", "order")
    )
    authors = {reply.user for reply in replies if reply.user}
    role_by_user = roles.roles_in(thread.theme, authors)
    conversations = sorted({reply.thread_id for reply in replies})
    position = {root: n for n, root in enumerate(conversations)}
    _bulk_store(
        Source.REPLY,
        {
            reply.pk: documents.reply_fields(
                reply,
                thread,
                role_by_user.get(reply.user_id),
                position[reply.thread_id],
            )
            for reply in replies
        },
    )


def index_theme_content(theme):
    """A theme's discussions, replies and data gaps: none when the theme is not
    live and public. Its queries grow with the batches written, not with the
    threads: the replies of all of them are read in one pass."""
    if not _is_public_theme(theme.pk):
        SearchDocument.objects.filter(
            source__in=[Source.THREAD, Source.REPLY, Source.DATA_GAP], theme=theme
        ).delete()
        return
    threads = {thread.pk: thread for thread in Thread.objects.filter(theme=theme)}
    gaps = list(DataGap.objects.filter(theme=theme))
    # One theme object for every row, not a copy each: a theme may hold 100,000.
    for post in [*threads.values(), *gaps]:
        post.theme = theme
    replies = _replies_in_theme(theme)
    authors = {post.author_id for post in [*threads.values(), *gaps]}
    authors |= set(replies.order_by().values_list("user_id", flat=True).distinct())
    role_by_user = roles.roles_in(theme, authors)
    _bulk_store(
        Source.THREAD,
        {
            pk: documents.thread_fields(thread, role_by_user.get(thread.author_id))
            for pk, thread in threads.items()
        },
    )
    _bulk_store(
        Source.DATA_GAP,
        {g.pk: documents.gap_fields(g, role_by_user.get(g.author_id)) for g in gaps},
    )
    batch = {}
    thread_pk = conversation = position = None
    for reply in replies.iterator(chunk_size=BATCH):
        # In (thread, conversation) order: a conversation's position in its thread
        # is how many came before it, as `index_replies_of` counts them.
        if reply.object_pk != thread_pk:
            thread_pk, conversation, position = reply.object_pk, reply.thread_id, 0
        elif reply.thread_id != conversation:
            conversation, position = reply.thread_id, position + 1
        batch[reply.pk] = documents.reply_fields(
            reply,
            threads[int(thread_pk)],
            role_by_user.get(reply.user_id),
            position,
        )
        if len(batch) == BATCH:
            _bulk_store(Source.REPLY, batch)
            batch = {}
    _bulk_store(Source.REPLY, batch)


def _replies_in_theme(theme):
    """Every reply to the theme's threads, in thread and conversation order."""
    thread_keys = (
        Thread.objects.filter(theme=theme)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    return (
        replies_to_any_thread()
        .filter(site_id=settings.SITE_ID, object_pk__in=thread_keys)
        .select_related("user")
        .order_by("object_pk", "thread_id", "order")
    )


def index_subtree(page_pk):
    """A page and everything under it, with the themes among them or above it: for
    a move, a new or lifted view restriction, an unpublished branch."""
    page = Page.objects.filter(pk=page_pk).first()
    if page is None:
        return
    for pk in Page.objects.descendant_of(page, inclusive=True).values_list(
        "pk", flat=True
    ):
        index_page(pk)
    themes = ThemePage.objects.descendant_of(
        page, inclusive=True
    ) | ThemePage.objects.ancestor_of(page)
    for theme in themes.distinct():
        index_theme_content(theme)


@transaction.atomic
def rebuild():
    """The whole index again, from the content: `rebuild_search_index`. In one
    transaction, so searches meanwhile read the old index, never an empty one."""
    SearchDocument.objects.all().delete()
    for pk in Page.objects.filter(depth__gt=1).values_list("pk", flat=True):
        index_page(pk)
    for theme in ThemePage.objects.all():
        index_theme_content(theme)
    _bulk_store(
        Source.STATISTIC,
        {
            statistic.pk: documents.statistic_fields(statistic)
            for statistic in of_record(Statistic.objects).select_related("producer")
        },
    )
    return SearchDocument.objects.count()


REINDEX_BY_SOURCE = {
    Source.THREAD: index_thread,
    Source.REPLY: index_reply,
    Source.DATA_GAP: index_gap,
    Source.PAGE: index_page,
    Source.RESPONSE: index_response,
    Source.STATISTIC: index_statistic,
}


def replies_by_in_theme(user_id, theme_id):
    threads = Thread.objects.filter(theme_id=theme_id).values_list("pk", flat=True)
    return list(
        replies_to_any_thread()
        .filter(user_id=user_id, object_pk__in=[str(pk) for pk in threads])
        .values_list("pk", flat=True)
    )
