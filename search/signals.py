"""Thin receivers: each hands the changed object to `search.indexing`, which reads
it afresh. Whole themes and branches go to a task (slow work is never in the
request)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_comments_xtd.models import XtdComment
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_slug_changed, page_unpublished, post_page_move

from accounts.models import Organisation
from catalogue.models import Statistic
from consultations.models import ConsultationResponse
from core.signals import content_changed
from forums.models import HiddenReply, Thread
from gaps.models import DataGap
from search import indexing, tasks
from search.models import SearchDocument, Source
from themes.models import ThemePage

SOURCE_OF = {
    Thread: Source.THREAD,
    XtdComment: Source.REPLY,
    DataGap: Source.DATA_GAP,
    ConsultationResponse: Source.RESPONSE,
}


@receiver(post_save, sender=Thread)
@receiver(post_delete, sender=Thread)
def thread_changed(sender, instance, **kwargs):
    indexing.index_thread(instance.pk)


@receiver(post_save, sender=XtdComment)
@receiver(post_delete, sender=XtdComment)
def reply_changed(sender, instance, **kwargs):
    indexing.index_reply(instance.pk)


@receiver(post_save, sender=HiddenReply)
@receiver(post_delete, sender=HiddenReply)
def reply_hidden(sender, instance, **kwargs):
    indexing.index_reply(instance.reply_id)


@receiver(post_save, sender=DataGap)
@receiver(post_delete, sender=DataGap)
def gap_changed(sender, instance, **kwargs):
    indexing.index_gap(instance.pk)


@receiver(post_save, sender=Statistic)
@receiver(post_delete, sender=Statistic)
def statistic_changed(sender, instance, **kwargs):
    indexing.index_statistic(instance.pk)


@receiver(post_save, sender=Organisation)
def producer_renamed(sender, instance, **kwargs):
    for pk in instance.statistics.values_list("pk", flat=True):
        indexing.index_statistic(pk)


@receiver(post_save, sender=ConsultationResponse)
@receiver(post_delete, sender=ConsultationResponse)
def response_changed(sender, instance, **kwargs):
    indexing.index_response(instance.pk)


@receiver(post_save)
def page_saved(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    if isinstance(instance, ThemePage):
        before = SearchDocument.objects.filter(
            source=Source.PAGE, object_id=instance.pk
        ).first()
        indexing.index_page(instance.pk)
        after = SearchDocument.objects.filter(
            source=Source.PAGE, object_id=instance.pk
        ).first()
        # Its discussions and gaps carry its address and its being public.
        if (before and before.url) != (after and after.url):
            tasks.reindex_theme.enqueue(instance.pk)
        return
    indexing.index_page(instance.pk)


# Deleting any kind of page deletes its Page row too, which sends this. A receiver
# for every sender would cost every other model Django's fast delete (the index's
# own rows included: a rebuild selected each batch in full before deleting it).
@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    SearchDocument.objects.filter(source=Source.PAGE, object_id=instance.pk).delete()


@receiver(page_unpublished)
def branch_unpublished(sender, instance, **kwargs):
    # Unpublishing a page takes its live descendants off the site too.
    tasks.reindex_branch.enqueue(instance.pk)


@receiver(post_page_move)
@receiver(page_slug_changed)
def branch_moved(sender, instance, **kwargs):
    tasks.reindex_branch.enqueue(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    tasks.reindex_branch.enqueue(instance.page_id)


# Heard by name: themes.roles alone queries roles (tests/themes/test_role_queries).
@receiver(post_save, sender="themes.ThemeRole")
@receiver(post_delete, sender="themes.ThemeRole")
def role_changed(sender, instance, **kwargs):
    # The badge beside the member's posts in the theme.
    tasks.reindex_member_in_theme.enqueue(instance.user_id, instance.theme_id)


@receiver(content_changed)
def changed_in_place(sender, pks, **kwargs):
    source = SOURCE_OF.get(sender)
    if source is not None:
        for pk in pks:
            indexing.REINDEX_BY_SOURCE[source](pk)
