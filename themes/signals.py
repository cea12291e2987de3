from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from themes import services
from themes.models import ThemePage


@receiver(post_save, sender=ThemePage)
def keep_theme_groups_in_step(sender, instance, raw=False, **kwargs):
    if not raw:
        services.sync_theme_groups(instance)


@receiver(pre_delete, sender=ThemePage)
def delete_theme_groups(sender, instance, **kwargs):
    services.delete_theme_groups(instance)
