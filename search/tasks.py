"""Reindexing many documents at once runs in the background."""

from django_tasks import task

from forums.models import Thread
from gaps.models import DataGap
from search import indexing
from themes.models import ThemePage


@task()
def reindex_theme(theme_id):
    theme = ThemePage.objects.filter(pk=theme_id).first()
    if theme is not None:
        indexing.index_theme_content(theme)


@task()
def reindex_branch(page_id):
    indexing.index_subtree(page_id)


@task()
def reindex_member_in_theme(user_id, theme_id):
    for pk in Thread.objects.filter(author_id=user_id, theme_id=theme_id).values_list(
        "pk", flat=True
    ):
        indexing.index_thread(pk, with_replies=False)
    for pk in DataGap.objects.filter(author_id=user_id, theme_id=theme_id).values_list(
        "pk", flat=True
    ):
        indexing.index_gap(pk)
    for pk in indexing.replies_by_in_theme(user_id, theme_id):
        indexing.index_reply(pk)
