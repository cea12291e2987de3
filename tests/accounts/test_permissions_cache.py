"""Members' permissions are kept in the cache between requests
(accounts/permissions.py), and every change to who holds what is seen on the next
request."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from accounts.permissions import CachedPermissionsBackend

MODERATE_ALL = "forums.moderate_all_themes"

pytestmark = pytest.mark.django_db


def afresh(user):
    """The member as the next request loads them: nothing kept on the object."""
    return get_user_model().objects.get(pk=user.pk)


def queries_to_ask(user, perm=MODERATE_ALL):
    with CaptureQueriesContext(connection) as queries:
        answer = user.has_perm(perm)
    return answer, len(queries)


@pytest.fixture
def moderators():
    group = Group.objects.create(name="Moderators everywhere")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="forums", codename="moderate_all_themes"
        )
    )
    return group


def test_the_next_request_reads_permissions_from_the_cache(moderators):
    member = UserFactory()
    member.groups.add(moderators)
    assert queries_to_ask(afresh(member)) == (True, 2)
    assert queries_to_ask(afresh(member)) == (True, 0)
    assert queries_to_ask(afresh(member), "forums.view_report") == (False, 0)


def test_joining_and_leaving_a_group_is_seen_at_once(moderators):
    member = UserFactory()
    assert queries_to_ask(afresh(member))[0] is False
    member.groups.add(moderators)
    assert afresh(member).has_perm(MODERATE_ALL)
    member.groups.remove(moderators)
    assert not afresh(member).has_perm(MODERATE_ALL)
    moderators.user_set.add(member)
    assert afresh(member).has_perm(MODERATE_ALL)
    moderators.user_set.clear()
    assert not afresh(member).has_perm(MODERATE_ALL)


def test_a_groups_permissions_changing_is_seen_at_once(moderators):
    member = UserFactory()
    member.groups.add(moderators)
    assert afresh(member).has_perm(MODERATE_ALL)
    moderators.permissions.clear()
    assert not afresh(member).has_perm(MODERATE_ALL)
    moderators.permissions.add(
        Permission.objects.get(
            content_type__app_label="forums", codename="moderate_all_themes"
        )
    )
    assert afresh(member).has_perm(MODERATE_ALL)
    moderators.delete()
    assert not afresh(member).has_perm(MODERATE_ALL)


def test_a_members_own_permissions_changing_is_seen_at_once():
    member = UserFactory()
    assert not afresh(member).has_perm(MODERATE_ALL)
    permission = Permission.objects.get(codename="moderate_all_themes")
    member.user_permissions.add(permission)
    assert afresh(member).has_perm(MODERATE_ALL)
    member.user_permissions.remove(permission)
    assert not afresh(member).has_perm(MODERATE_ALL)


def test_becoming_a_superuser_or_inactive_is_seen_at_once(moderators):
    member = UserFactory()
    assert not afresh(member).has_perm(MODERATE_ALL)
    member.is_superuser = True
    member.save()
    assert afresh(member).has_perm(MODERATE_ALL)
    member.is_superuser = False
    member.groups.add(moderators)
    member.save()
    assert afresh(member).has_perm(MODERATE_ALL)
    member.is_active = False
    member.save()
    assert not afresh(member).has_perm(MODERATE_ALL)


def test_a_signed_in_page_reads_no_permissions_twice(client, moderators):
    member = UserFactory()
    member.groups.add(moderators)
    client.force_login(member)
    client.get("/my/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/my/").status_code == 200
    assert not [q for q in queries if "auth_permission" in q["sql"]]


def test_sessions_from_before_it_came_stay_signed_in(client):
    """Sessions name the backend that signed the member in; it still does."""
    member = UserFactory()
    client.force_login(member, backend="django.contrib.auth.backends.ModelBackend")
    assert client.session[BACKEND_SESSION_KEY].endswith("ModelBackend")
    assert client.get("/my/").status_code == 200


def test_it_signs_nobody_in():
    member = UserFactory(password="a long pass phrase")
    assert (
        CachedPermissionsBackend().authenticate(
            None, username=member.email, password="a long pass phrase"
        )
        is None
    )
