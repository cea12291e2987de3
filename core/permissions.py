"""Helpers for data migrations that give Wagtail's editor groups new rights."""

from django.contrib.auth.management import create_permissions

EDITOR_GROUPS = ["Editors", "Moderators"]


def grant_to_editors(apps, app_label, codenames):
    """Give Wagtail's Editors and Moderators groups these permissions of one app."""
    # Permissions are normally made after migrations; these are needed now.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)
