"""Fixes to Wagtail's admin for our editors, until Wagtail makes them itself."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from core.workflows import NamedWorkflowMixin, SubmitToNamedWorkflow, page_class_in


@hooks.register("insert_global_admin_css")
def admin_contrast_fixes():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_accessibility_fixes():
    return format_html('<script src="{}" defer></script>', static("core/admin.js"))


@hooks.register("construct_page_action_menu")
def name_the_pages_own_workflow(menu_items, request, context):
    page_class = page_class_in(request, context)
    if page_class is None or not issubclass(page_class, NamedWorkflowMixin):
        return
    for position, item in enumerate(menu_items):
        if item.name == SubmitToNamedWorkflow.name:
            menu_items[position] = SubmitToNamedWorkflow(
                order=item.order, page_class=page_class
            )
