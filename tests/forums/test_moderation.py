from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.models import ModelLogEntry

from accounts.factories import UserFactory
from forums import moderation, services
from forums.factories import ThreadFactory
from forums.models import Report, Thread
from themes import services as theme_services
from themes.factories import ThemePageFactory
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(theme_index):
    theme = ThemePageFactory(parent=theme_index, title="Migration", slug="migration")
    return ThreadFactory(theme=theme, title="Visa data")


@pytest.fixture
def chair(thread, editor):
    chair = UserFactory(two_factor=True)
    theme_services.grant_role(
        thread.theme, chair, Role.CHAIR, granted_by=editor, tell=False
    )
    return chair


def report_url(thread, reply):
    return reverse(
        "forums:report_reply",
        kwargs={
            "theme_slug": thread.theme.slug,
            "pk": thread.pk,
            "slug": thread.slug,
            "reply_id": reply.pk,
        },
    )


def test_a_member_reports_a_reply_with_a_reason(client, thread):
    reply = services.post_reply(thread, UserFactory(), "Rude words")
    reporter = UserFactory()
    client.force_login(reporter)

    refused = client.post(report_url(thread, reply), {"detail": "Nasty"})
    assert "Choose why you are reporting it." in refused.content.decode()
    assert not Report.objects.exists()

    client.post(report_url(thread, reply), {"reason": "abuse", "detail": "Nasty"})

    report = Report.objects.get()
    assert (report.reporter, report.reason, report.detail) == (
        reporter,
        "abuse",
        "Nasty",
    )
    assert XtdComment.objects.get(pk=reply.pk).is_public


def test_nobody_reports_their_own_reply(client, thread):
    author = UserFactory()
    reply = services.post_reply(thread, author, "Mine")
    client.force_login(author)

    assert client.post(report_url(thread, reply), {"reason": "spam"}).status_code == 403


def test_three_different_members_hide_a_reply_until_a_moderator_looks(client, thread):
    reply = services.post_reply(thread, UserFactory(), "Spam spam spam")
    first = UserFactory()
    moderation.report(first, reply=reply, reason="spam")
    moderation.report(first, reply=reply, reason="spam")
    moderation.report(UserFactory(), reply=reply, reason="spam")
    assert XtdComment.objects.get(pk=reply.pk).is_public

    moderation.report(UserFactory(), reply=reply, reason="abuse")

    assert not XtdComment.objects.get(pk=reply.pk).is_public
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "This reply is waiting for a moderator." in html
    assert "Spam spam spam" not in html


def test_a_chair_sees_their_themes_queue_and_hides_a_reply(client, thread, chair):
    reply = services.post_reply(thread, UserFactory(), "Rude")
    moderation.report(UserFactory(), reply=reply, reason="abuse", detail="Insult")
    client.force_login(chair)

    page = client.get(reverse("forums_moderation"))
    assert "Rude" in page.content.decode()
    assert "Insult" in page.content.decode()

    client.post(reverse("forums_moderate_reply", args=[reply.pk]), {"action": "hide"})

    assert not XtdComment.objects.get(pk=reply.pk).is_public
    assert Report.objects.get().outcome == Report.Outcome.HIDDEN
    assert "Rude" not in client.get(reverse("forums_moderation")).content.decode()
    entry = ModelLogEntry.objects.get(action="forums.hide_reply")
    assert entry.user == chair
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "Hidden by a moderator" in html


def test_a_chair_of_another_theme_cannot_moderate_here(
    client, thread, theme_index, editor
):
    reply = services.post_reply(thread, UserFactory(), "Rude")
    moderation.report(UserFactory(), reply=reply, reason="abuse")
    other_chair = UserFactory(two_factor=True)
    theme_services.grant_role(
        ThemePageFactory(parent=theme_index), other_chair, Role.CHAIR, granted_by=editor
    )
    client.force_login(other_chair)

    page = client.get(reverse("forums_moderation"))
    response = client.post(
        reverse("forums_moderate_reply", args=[reply.pk]), {"action": "delete"}
    )

    assert "Rude" not in page.content.decode()
    # The Wagtail admin turns a refusal into a redirect with an error message.
    assert response.status_code in (302, 403)
    assert XtdComment.objects.get(pk=reply.pk).comment == "Rude"
    assert not ModelLogEntry.objects.exists()


def test_members_without_a_role_have_no_queue(client):
    client.force_login(UserFactory(two_factor=True))

    response = client.get(reverse("forums_moderation"))

    assert response.status_code in (302, 403)


def test_an_editor_moderates_every_theme_and_deletes(client, thread, editor):
    reply = services.post_reply(thread, UserFactory(), "Advert")
    moderation.report(UserFactory(), reply=reply, reason="spam")
    client.force_login(editor)

    client.post(reverse("forums_moderate_reply", args=[reply.pk]), {"action": "delete"})

    deleted = XtdComment.objects.get(pk=reply.pk)
    assert deleted.is_removed and deleted.comment == ""
    assert ModelLogEntry.objects.filter(action="forums.delete_reply").exists()


def test_a_new_members_first_two_posts_wait_and_then_they_are_trusted(
    client, thread, chair, mailoutbox
):
    newcomer = UserFactory(trusted_since=None, date_joined=timezone.now())
    services.follow(thread, thread.author)
    first = services.post_reply(thread, newcomer, "Hello all")
    assert not first.is_public
    assert not mailoutbox
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "Hello all" not in html

    moderation.approve_reply(first, moderator=chair)
    assert mailoutbox[-1].to == [thread.author.email]
    newcomer.refresh_from_db()
    assert newcomer.trusted_since is None
    second = services.post_reply(thread, newcomer, "Me again")
    moderation.approve_reply(second, moderator=chair)
    newcomer.refresh_from_db()

    assert newcomer.trusted_since is not None
    assert services.post_reply(thread, newcomer, "Third, straight away").is_public


def test_many_links_from_a_new_account_wait_for_a_moderator(thread):
    member = UserFactory(date_joined=timezone.now() - timedelta(days=2))
    links = "See https://a.example https://b.example and www.c.example"

    assert not services.post_reply(thread, member, links).is_public
    assert services.post_reply(thread, member, "Just https://one.example").is_public


def test_a_new_members_thread_waits_and_only_they_and_moderators_see_it(
    client, thread, chair
):
    newcomer = UserFactory(trusted_since=None)
    held = services.start_thread(
        newcomer, thread.theme, title="My first post", body="Hi", kind="discussion"
    )
    list_url = reverse("forums:threads", kwargs={"theme_slug": thread.theme.slug})

    assert "My first post" not in client.get(list_url).content.decode()
    assert client.get(held.get_absolute_url()).status_code == 404
    client.force_login(newcomer)
    assert (
        "waiting for a moderator"
        in client.get(held.get_absolute_url()).content.decode()
    )

    client.force_login(chair)
    assert "My first post" in client.get(reverse("forums_moderation")).content.decode()
    client.post(
        reverse("forums_moderate_thread", args=[held.pk]), {"action": "approve"}
    )
    assert Thread.objects.get(pk=held.pk).is_public
    assert "My first post" in client.get(list_url).content.decode()


def moderate_url(thread):
    return reverse(
        "forums:moderate",
        kwargs={"theme_slug": thread.theme.slug, "pk": thread.pk, "slug": thread.slug},
    )


def test_a_chair_pins_locks_and_unlocks_a_thread_with_the_log_to_show(
    client, thread, chair
):
    client.force_login(chair)

    client.post(moderate_url(thread), {"action": "pin"})
    client.post(moderate_url(thread), {"action": "lock"})
    thread.refresh_from_db()
    assert thread.is_pinned and thread.is_locked
    client.post(moderate_url(thread), {"action": "unlock"})

    thread.refresh_from_db()
    assert not thread.is_locked
    assert list(
        ModelLogEntry.objects.order_by("pk").values_list("action", flat=True)
    ) == ["forums.pin_thread", "forums.lock_thread", "forums.unlock_thread"]


def test_a_moderator_moves_a_thread_only_to_a_theme_they_moderate(
    client, thread, chair, theme_index, editor
):
    elsewhere = ThemePageFactory(parent=theme_index, slug="housing")
    client.force_login(chair)

    refused = client.post(
        moderate_url(thread), {"action": "move", "theme": elsewhere.pk}
    )
    assert refused.status_code == 403
    assert Thread.objects.get(pk=thread.pk).theme == thread.theme

    client.force_login(editor)
    client.post(moderate_url(thread), {"action": "move", "theme": elsewhere.pk})
    assert Thread.objects.get(pk=thread.pk).theme == elsewhere


def test_members_cannot_moderate(client, thread):
    client.force_login(UserFactory())

    response = client.post(moderate_url(thread), {"action": "lock"})

    assert response.status_code == 403
    assert not Thread.objects.get(pk=thread.pk).is_locked


def test_a_suspended_member_can_read_but_not_post(client, thread, chair):
    member = UserFactory()
    client.force_login(chair)
    client.post(moderate_url(thread), {"action": "suspend", "member": member.pk})
    client.force_login(member)

    response = client.post(
        reverse(
            "forums:reply",
            kwargs={
                "theme_slug": thread.theme.slug,
                "pk": thread.pk,
                "slug": thread.slug,
            },
        ),
        {"comment": "Let me back in"},
    )

    assert response.status_code == 403
    assert "suspended you from taking part" in response.content.decode()
    assert "Let me back in" in response.content.decode()
    assert not XtdComment.objects.exists()
    assert ModelLogEntry.objects.filter(action="forums.suspend_member").exists()


def test_three_reports_hide_a_thread_until_a_moderator_approves_it(
    client, thread, chair
):
    reporters = UserFactory.create_batch(3)
    client.force_login(reporters[0])
    report_thread = reverse(
        "forums:report_thread",
        kwargs={"theme_slug": thread.theme.slug, "pk": thread.pk, "slug": thread.slug},
    )
    client.post(report_thread, {"reason": "off_topic", "detail": "Not statistics"})
    for reporter in reporters[1:]:
        moderation.report(reporter, thread=thread, reason="spam")

    assert not Thread.objects.get(pk=thread.pk).is_public
    client.force_login(chair)
    queue = client.get(reverse("forums_moderation")).content.decode()
    assert "Not statistics" in queue

    client.post(
        reverse("forums_moderate_thread", args=[thread.pk]), {"action": "approve"}
    )

    assert Thread.objects.get(pk=thread.pk).is_public
    assert not Report.objects.filter(resolved_at__isnull=True).exists()


def test_nobody_reports_their_own_thread(client, thread):
    client.force_login(thread.author)

    response = client.post(
        reverse(
            "forums:report_thread",
            kwargs={
                "theme_slug": thread.theme.slug,
                "pk": thread.pk,
                "slug": thread.slug,
            },
        ),
        {"reason": "spam"},
    )

    assert response.status_code == 403
    assert not Report.objects.exists()
