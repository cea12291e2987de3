"""Keep the stored HTML of posts current (forums/rendering.py)."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_comments_xtd.models import XtdComment

from core.signals import content_changed
from forums import rendering


@receiver(post_save, sender=XtdComment)
def render_saved_reply(sender, instance, raw=False, **kwargs):
    if not raw:
        rendering.store_reply_texts([(instance.pk, instance.comment)])


@receiver(content_changed, sender=XtdComment)
def render_changed_replies(sender, pks, **kwargs):
    rendering.store_replies(pks)


@receiver(post_save, sender=get_user_model())
def forget_mentions_of_inactive(sender, instance, raw=False, **kwargs):
    # Deactivated or erased (accounts.services.delete_account): links to a profile
    # nobody can open go. Rare, so the scan of stored HTML is affordable.
    if not raw and not instance.is_active:
        rendering.forget_mentions_of(instance.pk)


@receiver(post_delete, sender=get_user_model())
def forget_mentions_of_deleted(sender, instance, **kwargs):
    rendering.forget_mentions_of(instance.pk)
