from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import get_page_models

from core.translation import is_of_record
from themes import services
from themes.models import ThemePage
from themes.models.pages import ThemeSectionIndex


@receiver(post_save, sender=ThemePage)
def keep_theme_groups_in_step(sender, instance, raw=False, **kwargs):
    # A translation is the same theme in Welsh: its English page's groups, papers
    # and sections serve it (docs/architecture.md, "Content in Welsh").
    if not raw and is_of_record(instance):
        services.sync_theme_groups(instance)


@receiver(post_save, sender=ThemePage)
def give_a_new_theme_its_sections(sender, instance, created, raw=False, **kwargs):
    # An alias shows its original's pages; loaded fixtures bring their own.
    if created and not raw and instance.alias_of_id is None and is_of_record(instance):
        for section in get_page_models():
            if issubclass(section, ThemeSectionIndex):
                section.for_theme(instance)


@receiver(pre_delete, sender=ThemePage)
def delete_theme_groups(sender, instance, **kwargs):
    services.delete_theme_groups(instance)
