"""Fixes to Wagtail's admin for our editors, until Wagtail makes them itself."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def admin_contrast_fixes():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_accessibility_fixes():
    return format_html('<script src="{}" defer></script>', static("core/admin.js"))
