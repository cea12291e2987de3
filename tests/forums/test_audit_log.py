"""The moderators' actions are in Wagtail's site history, for editors to read."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from forums import moderation
from forums.factories import ThreadFactory
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db

SITE_HISTORY = "wagtailadmin_reports:site_history"


@pytest.fixture
def theme(migration):
    return migration


@pytest.fixture
def locked_thread(theme, editor):
    thread = ThreadFactory(theme=theme, title="Visa data")
    chair = appoint(theme, Role.CHAIR, editor)
    moderation.set_thread_flags(thread, moderator=chair, locked=True)
    return thread


def test_an_editor_reads_the_moderators_actions_in_the_site_history(
    client, editor, locked_thread
):
    client.force_login(editor)

    page = client.get(reverse(SITE_HISTORY)).content.decode()
    filtered = client.get(reverse(SITE_HISTORY), {"action": "forums.lock_thread"})

    assert "Visa data" in page
    assert "Lock thread" in page
    assert "Visa data" in filtered.content.decode()
    assert "forums.lock_thread" in filtered.content.decode()  # offered in the filter


def test_chairs_and_members_do_not_read_the_moderation_log(
    client, editor, theme, locked_thread
):
    chair = appoint(theme, Role.CHAIR, editor)
    client.force_login(chair)
    as_chair = client.get(reverse(SITE_HISTORY))
    client.force_login(UserFactory(two_factor=True))
    as_member = client.get(reverse(SITE_HISTORY))

    assert "Visa data" not in as_chair.content.decode()
    assert as_member.status_code in (302, 403)
