"""Posts are rendered once, when saved or edited: the thread page parses no Markdown,
a member who leaves takes their mention links with them, and `render_posts` renders
again what an older renderer made."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.factories import UserFactory
from accounts.services import delete_account
from forums import mentions, rendering, services
from forums.factories import ThreadFactory
from forums.markdown import RENDERER_VERSION
from forums.models import RenderedReply, Thread

from .test_mentions import jane, profile, thread

pytestmark = pytest.mark.django_db
__all__ = ["jane", "thread"]  # the fixtures


def profile_link(member):
    return f'href="{profile(member)}"'


def stored(reply):
    return RenderedReply.objects.get(reply_id=reply.pk)


def test_a_reply_is_stored_as_sanitised_html_with_its_mentions_linked(thread, jane):
    reply = services.post_reply(
        thread, UserFactory(), "Ask **@jane_smith** <script>alert(1)</script>"
    )

    html = stored(reply).html
    assert "<strong>" in html
    assert profile_link(jane) in html
    assert "<script>" not in html
    assert stored(reply).renderer_version == RENDERER_VERSION


def test_an_edit_renders_the_reply_again(thread):
    author = UserFactory()
    reply = services.post_reply(thread, author, "First *draft*")

    services.edit_reply(reply, author, "Second **draft**")

    assert stored(reply).html == "<p>Second <strong>draft</strong></p>\n"


def test_the_thread_page_shows_stored_html_without_parsing_markdown(
    client, thread, monkeypatch
):
    services.post_reply(thread, UserFactory(), "Stored *once*")

    def no_parsing(*args, **kwargs):
        raise AssertionError("Markdown parsed while showing the page")

    monkeypatch.setattr(mentions, "render_markdown", no_parsing)
    monkeypatch.setattr(mentions, "mentioned_handles", no_parsing)
    response = client.get(thread.get_absolute_url())

    assert "<p>Stored <em>once</em></p>" in response.content.decode()


def test_a_reply_stored_without_html_is_still_shown_rendered(client, thread):
    reply = services.post_reply(thread, UserFactory(), "Imported *in bulk*")
    RenderedReply.objects.filter(reply_id=reply.pk).delete()

    response = client.get(thread.get_absolute_url())

    assert "<p>Imported <em>in bulk</em></p>" in response.content.decode()


def test_a_deleted_reply_that_others_answered_keeps_no_html(thread):
    author = UserFactory()
    reply = services.post_reply(thread, author, "Gone *soon*")
    services.post_reply(thread, UserFactory(), "An answer", parent_id=reply.pk)
    reply.refresh_from_db()

    services.delete_reply(thread, reply, author)

    assert stored(reply).html == ""


@pytest.mark.parametrize("keep_public_posts", [True, False])
def test_an_erased_member_is_no_longer_linked_from_posts_that_mention_them(
    client, migration, jane, keep_public_posts
):
    thread = ThreadFactory(theme=migration, body="Over to @jane_smith")
    reply = services.post_reply(thread, UserFactory(), "Thanks @jane_smith!")
    other = services.post_reply(thread, UserFactory(), "Nothing to see")
    untouched = stored(other).html
    link = profile_link(jane)
    assert link in stored(reply).html
    assert link in Thread.objects.get(pk=thread.pk).body_html

    delete_account(jane, keep_public_posts=keep_public_posts)

    assert link not in stored(reply).html
    assert "Thanks @jane_smith!" in stored(reply).html
    assert link not in Thread.objects.get(pk=thread.pk).body_html
    assert stored(other).html == untouched
    assert link not in client.get(thread.get_absolute_url()).content.decode()


def test_a_deactivated_member_is_no_longer_linked(thread, jane):
    reply = services.post_reply(thread, UserFactory(), "Thanks @jane_smith!")

    jane.is_active = False
    jane.save()

    assert profile_link(jane) not in stored(reply).html


def test_a_mention_of_a_member_who_joins_later_stays_text(thread):
    reply = services.post_reply(thread, UserFactory(), "Is @jane_smith here?")

    jane = UserFactory(first_name="Jane", last_name="Smith")

    assert jane.handle == "jane_smith"
    assert profile_link(jane) not in stored(reply).html


def test_render_posts_renders_again_what_an_older_renderer_made(
    thread, jane, monkeypatch
):
    replies = [services.post_reply(thread, UserFactory(), f"*{n}*") for n in range(3)]
    RenderedReply.objects.update(html="stale")
    Thread.objects.update(body_html="stale")
    monkeypatch.setattr(rendering, "RENDERER_VERSION", RENDERER_VERSION + 1)

    call_command("render_posts", batch_size=2, stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert [stored(reply).html for reply in replies] == [
        f"<p><em>{n}</em></p>\n" for n in range(3)
    ]
    assert {stored(reply).renderer_version for reply in replies} == {
        RENDERER_VERSION + 1
    }
    assert Thread.objects.get(pk=thread.pk).body_html != "stale"
    assert rendering.render_outdated() == 0


def test_render_posts_stopped_part_way_goes_on_where_it_stopped(thread, monkeypatch):
    replies = [services.post_reply(thread, UserFactory(), f"*{n}*") for n in range(3)]
    monkeypatch.setattr(rendering, "RENDERER_VERSION", RENDERER_VERSION + 1)
    real_store = rendering.store_replies
    batches = []

    def stop_on_the_second_batch(ids, excluding=()):
        batches.append(ids)
        if len(batches) == 2:
            raise RuntimeError("the server went away")
        return real_store(ids, excluding)

    monkeypatch.setattr(rendering, "store_replies", stop_on_the_second_batch)
    with pytest.raises(RuntimeError):
        rendering.render_outdated(batch_size=1)
    monkeypatch.setattr(rendering, "store_replies", real_store)

    assert stored(replies[0]).renderer_version == RENDERER_VERSION + 1
    assert stored(replies[1]).renderer_version == RENDERER_VERSION
    assert rendering.render_outdated(batch_size=1) == 2


def test_the_migration_renders_every_existing_reply(thread, jane):
    replies = [
        services.post_reply(thread, UserFactory(), f"@jane_smith *{n}*")
        for n in range(3)
    ]
    expected = [stored(reply).html for reply in replies]
    RenderedReply.objects.all().delete()
    migration = importlib.import_module(
        "forums.migrations.0007_render_existing_replies"
    )

    migration.BATCH_SIZE = 2
    migration.render_existing_replies(apps, None)

    assert [stored(reply).html for reply in replies] == expected
