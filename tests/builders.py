"""The rows most tests stand on, built by fixtures of any scope: a test's own
(tests/conftest.py) or one built once for a package of tests (tests/api/conftest.py).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Site

from accounts.factories import UserFactory
from home.factories import home_as_default_site
from home.models import HomePage


def wagtail_root():
    """Wagtail's root page and root collection; rebuilt when a transactional test
    has flushed them away."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def default_home(root):
    home = HomePage.objects.child_of(root).first()
    if home is None or not Site.objects.filter(root_page=home).exists():
        return home_as_default_site(root)
    return home


def make_editor(root):
    """An editor with two-factor authentication, as the Editors group makes them.

    The group is rebuilt when a transactional test has flushed what migrations made.
    """
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label="wagtailadmin", codename="access_admin")
            | Q(content_type__app_label="accounts", content_type__model="organisation")
            | Q(
                content_type__app_label="accounts",
                codename__in=["view_emailsuppression", "delete_emailsuppression"],
            )
            | Q(
                content_type__app_label="themes",
                content_type__model__in=["themerole", "producerrequest"],
            )
            | Q(content_type__app_label="catalogue", content_type__model="statistic")
            | Q(content_type__app_label="events", codename="approve_minutes")
            | Q(content_type__app_label="gaps", codename="triage_all_themes")
            | Q(
                content_type__app_label="wagtail_localize",
                codename="submit_translation",
            )
            | Q(
                content_type__app_label="consultations",
                codename__in=["approve_consultation", "see_all_responses"],
            )
        )
    )
    for codename in ["add_page", "change_page", "publish_page"]:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    editor = UserFactory(email="editor@example.org", two_factor=True)
    editor.groups.add(group)
    return editor
