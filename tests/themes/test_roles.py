import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from wagtail.permission_policies.pages import PagePermissionPolicy

from accounts.factories import OrganisationFactory, UserFactory
from themes import services
from themes.factories import ThemePageFactory
from themes.models import Role, ThemeGroup, ThemeRole

pytestmark = pytest.mark.django_db


def may_add_pages_under(user, page):
    # Themes take meeting and consultation pages once those exist; the right is
    # granted now.
    return PagePermissionPolicy().user_has_permission_for_instance(user, "add", page)


@pytest.fixture
def themes(theme_index):
    return (
        ThemePageFactory(parent=theme_index, title="Migration"),
        ThemePageFactory(parent=theme_index, title="Housing"),
    )


def test_a_new_theme_gets_its_chairs_and_producers_groups(themes):
    migration, _ = themes

    names = set(
        ThemeGroup.objects.filter(theme=migration).values_list("group__name", flat=True)
    )

    assert names == {"Migration chairs", "Migration producers"}
    assert Group.objects.get(name="Migration chairs").permissions.filter(
        codename="access_admin"
    )


def test_a_chair_may_edit_and_publish_only_in_their_own_theme(themes, editor):
    migration, housing = themes
    chair = UserFactory()
    services.grant_role(migration, chair, Role.CHAIR, granted_by=editor)

    own = migration.permissions_for_user(chair)
    other = housing.permissions_for_user(chair)

    assert own.can_edit() and own.can_publish()
    assert may_add_pages_under(chair, migration)
    assert not other.can_edit()
    assert not other.can_publish()
    assert not may_add_pages_under(chair, housing)


def test_a_producer_may_add_pages_but_not_publish_them(themes, editor):
    migration, housing = themes
    producer = UserFactory()
    services.grant_role(migration, producer, Role.PRODUCER, granted_by=editor)

    own = migration.permissions_for_user(producer)

    assert may_add_pages_under(producer, migration)
    assert not own.can_publish()
    assert not may_add_pages_under(producer, housing)


def test_renaming_a_theme_renames_its_groups(themes):
    migration, _ = themes

    migration.title = "Migration and population"
    migration.save_revision().publish()

    assert Group.objects.filter(name="Migration and population chairs").exists()
    assert not Group.objects.filter(name="Migration chairs").exists()


def test_two_themes_with_one_title_get_groups_with_distinct_names(theme_index):
    first = ThemePageFactory(parent=theme_index, title="Economy", slug="economy")
    second = ThemePageFactory(parent=theme_index, title="Economy", slug="economy-2")

    assert Group.objects.filter(name="Economy chairs").exists()
    assert Group.objects.filter(name=f"Economy chairs ({second.pk})").exists()
    assert first.pk != second.pk


def test_deleting_a_theme_deletes_its_groups(themes):
    migration, _ = themes

    migration.delete()

    assert not Group.objects.filter(name__startswith="Migration").exists()


def test_a_role_brings_membership_and_an_email(themes, editor, mailoutbox):
    migration, _ = themes
    chair = UserFactory()

    services.grant_role(migration, chair, Role.CHAIR, granted_by=editor)

    assert services.is_member(chair, migration)
    assert chair.groups.filter(name="Migration chairs").exists()
    assert mailoutbox[-1].subject == "You are now forum chair in Migration"


def test_each_reader_is_told_their_role_in_their_language(themes, editor, mailoutbox):
    migration, _ = themes
    cymro = UserFactory(email_language="cy")

    # Granted from an admin in English (or in Welsh): the member's language wins.
    for language in ["en-gb", "cy"]:
        with translation.override(language):
            services.grant_role(migration, UserFactory(), Role.CHAIR, granted_by=editor)
    services.grant_role(migration, cymro, Role.CHAIR, granted_by=editor)

    subjects = [message.subject for message in mailoutbox]
    assert subjects[:2] == ["You are now forum chair in Migration"] * 2
    assert subjects[2] == "Rydych bellach yn cadeirydd y fforwm yn Migration"


def test_removing_a_role_takes_the_rights_away(themes, editor):
    migration, _ = themes
    chair = UserFactory()
    role = services.grant_role(migration, chair, Role.CHAIR, granted_by=editor)

    services.revoke_role(role, revoked_by=editor)

    assert not chair.groups.exists()
    assert not migration.permissions_for_user(chair).can_edit()


def test_only_editors_appoint_or_remove(themes, editor):
    migration, _ = themes
    chair = UserFactory()
    role = services.grant_role(migration, chair, Role.CHAIR, granted_by=editor)

    with pytest.raises(PermissionDenied):
        services.grant_role(migration, UserFactory(), Role.CHAIR, granted_by=chair)
    with pytest.raises(PermissionDenied):
        services.revoke_role(role, revoked_by=chair)


def test_an_editor_appoints_a_chair_in_the_admin_by_email(client, themes, editor):
    migration, _ = themes
    chair = UserFactory(email="new.chair@example.org")
    client.force_login(editor)

    response = client.post(
        reverse("theme_roles:add"),
        {
            "theme": migration.pk,
            "member_email": "New.Chair@example.org",
            "role": "chair",
            "organisation": "",
            "job_title": "",
        },
    )

    assert response.status_code == 302
    assert ThemeRole.objects.get(user=chair).role == Role.CHAIR
    assert chair.groups.filter(name="Migration chairs").exists()


def test_appointing_someone_without_an_account_is_refused(client, themes, editor):
    migration, _ = themes
    client.force_login(editor)

    response = client.post(
        reverse("theme_roles:add"),
        {"theme": migration.pk, "member_email": "ghost@example.org", "role": "chair"},
    )

    assert response.status_code == 200
    assert "No member has this email address" in response.content.decode()
    assert 'value="ghost@example.org"' in response.content.decode()
    assert not ThemeRole.objects.exists()


def test_removing_a_role_in_the_admin_takes_the_group_away(client, themes, editor):
    migration, _ = themes
    chair = UserFactory()
    role = services.grant_role(migration, chair, Role.CHAIR, granted_by=editor)
    client.force_login(editor)

    client.post(reverse("theme_roles:delete", args=[role.pk]))

    assert not ThemeRole.objects.exists()
    assert not chair.groups.exists()


def test_a_chair_cannot_appoint_anyone(client, themes, editor):
    migration, _ = themes
    chair = UserFactory(two_factor=True)
    services.grant_role(migration, chair, Role.CHAIR, granted_by=editor)
    client.force_login(chair)

    response = client.post(
        reverse("theme_roles:add"),
        {"theme": migration.pk, "member_email": chair.email, "role": "producer"},
    )

    assert response.status_code in (302, 403)
    assert not ThemeRole.objects.filter(role=Role.PRODUCER).exists()


def test_public_profiles_show_roles(client, themes, editor):
    migration, _ = themes
    producer = UserFactory(first_name="Pat", last_name="Lee")
    services.grant_role(
        migration,
        producer,
        Role.PRODUCER,
        granted_by=editor,
        organisation=OrganisationFactory(name="Office for National Statistics"),
    )

    html = client.get(producer.get_absolute_url()).content.decode()

    assert "Statistics producer, Migration (Office for National Statistics)" in html


def test_a_theme_with_a_very_long_title_still_gets_its_groups(theme_index):
    theme = ThemePageFactory(
        parent=theme_index, title="Statistics " * 20, summary="Long.", slug="long"
    )

    names = ThemeGroup.objects.filter(theme=theme).values_list("group__name", flat=True)

    assert len(names) == 2
    assert all(len(name) <= 150 for name in names)
