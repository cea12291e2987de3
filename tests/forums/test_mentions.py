"""@handle in a thread or reply links the member's profile and tells them, once,
if they can see the thread; only the first few mentions of a post count."""

import pytest
from django.urls import reverse
from django_comments_xtd.models import XtdComment
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from accounts.models import Notification
from accounts.notifications import Frequency, get_kind, set_frequency
from accounts.services import delete_account
from forums import moderation, notifications, services
from forums.factories import ThreadFactory
from forums.markdown import mentioned_handles, render_markdown
from forums.mentions import MAX_PER_POST, links_in
from forums.models import Thread
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

from .test_replies import add_replies, count_thread_page_queries, followers_told_later

pytestmark = pytest.mark.django_db
__all__ = ["followers_told_later"]


@pytest.fixture
def thread(migration):
    return ThreadFactory(theme=migration, title="Visa data")


@pytest.fixture
def jane():
    return UserFactory(first_name="Jane", last_name="Smith")


def profile(member):
    return reverse("public_profile", args=[member.pk])


def mentions_of(member):
    return Notification.objects.filter(user=member, kind="mention")


@pytest.mark.parametrize(
    "text",
    [
        "@",
        "@ jane_smith",
        "@@jane_smith",
        "jane_smith@example.org",
        "write to a@b.com",
        "@jane_smith@example.org",
        "@jäne_smith",
        "@jane_smithé",
        "@" + "j" * 31,
        "`@jane_smith`",
        "    @jane_smith",
        "[ask @jane_smith](https://example.org)",
    ],
)
def test_what_is_not_a_mention(text, jane):
    assert jane.handle == "jane_smith"
    assert mentioned_handles(text) == []
    assert profile(jane) not in render_markdown(text, links_in(text))


def test_a_mention_links_the_profile_and_keeps_the_text_around_it(jane):
    text = "Thanks, *@Jane_Smith*. See @nobody_here too."

    html = render_markdown(text, links_in(text))

    assert (
        f'<em><a href="{profile(jane)}" rel="nofollow ugc noopener">'
        "@Jane_Smith</a></em>" in html
    )
    assert "See @nobody_here too." in html


def test_a_hostile_handle_is_escaped_text(jane):
    text = '@jane_smith<script>alert(1)</script> @"><b>x'

    html = render_markdown(text, links_in(text))

    assert "<script>" not in html and "<b>" not in html
    assert f'href="{profile(jane)}"' in html


def test_a_reply_mentioning_a_member_tells_them_once_even_after_edits(thread, jane):
    author = UserFactory()
    reply = services.post_reply(thread, author, "What do you think, @jane_smith?")

    services.edit_reply(reply, author, "What do you think, @jane_smith? Anyone?")

    told = mentions_of(jane).get()
    assert told.event_key == f"mention:reply-{reply.pk}:{jane.pk}"
    assert told.context["thread_url"].endswith(f"#reply-{reply.pk}")
    assert told.context["author_name"] == author.public_name


def test_an_edit_that_adds_a_mention_tells_only_the_new_member(thread, jane):
    author = UserFactory()
    omar = UserFactory(first_name="Omar", last_name="Ali")
    reply = services.post_reply(thread, author, "Hello @jane_smith")

    services.edit_reply(reply, author, "Hello @jane_smith and @omar_ali")

    assert mentions_of(jane).count() == 1
    assert mentions_of(omar).count() == 1


def test_a_thread_mentioning_a_member_tells_them(migration, jane):
    author = UserFactory()
    thread = services.start_thread(
        author, migration, title="Census", body="Over to @jane_smith", kind="discussion"
    )

    assert mentions_of(jane).get().event_key == f"mention:thread-{thread.pk}:{jane.pk}"
    assert f'href="{profile(jane)}"' in Thread.objects.get(pk=thread.pk).body_html


def test_the_author_mentioning_themself_is_not_told(thread, jane):
    services.post_reply(thread, jane, "As I, @jane_smith, said")

    assert not mentions_of(jane).exists()


def test_only_the_first_few_members_mentioned_count(thread):
    members = [UserFactory(display_name=f"Member {n}") for n in range(MAX_PER_POST + 2)]
    text = "@nobody " + " ".join(f"@{member.handle}" for member in members)

    services.post_reply(thread, UserFactory(), text)
    html = render_markdown(text, links_in(text))

    counted, left = members[:MAX_PER_POST], members[MAX_PER_POST:]
    assert all(mentions_of(member).exists() for member in counted)
    assert not any(mentions_of(member).exists() for member in left)
    assert all(f'href="{profile(member)}"' in html for member in counted)
    assert not any(f'href="{profile(member)}"' in html for member in left)


def test_a_member_who_cannot_see_the_thread_is_told_nothing(migration, jane, editor):
    """A thread moderators hid: its author may still reply, and of those the
    reply mentions only the theme's chair, who sees the thread, hears of it."""
    chair = appoint(migration, Role.CHAIR, editor, first_name="Cai", last_name="Chair")
    thread = ThreadFactory(theme=migration, title="Reported")
    Thread.objects.filter(pk=thread.pk).update(is_public=False)
    thread.refresh_from_db()

    services.post_reply(thread, thread.author, "@jane_smith @cai_chair look")

    assert not mentions_of(jane).exists()
    assert mentions_of(chair).count() == 1


def test_nobody_is_told_of_a_mention_in_a_private_theme(migration, jane):
    private = ThemePageFactory(parent=migration.get_parent(), title="Private", slug="p")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    thread = ThreadFactory(theme=private, title="Hush", body="@jane_smith")

    assert notifications.tell_mentioned_in_thread(thread.pk) == 0
    assert not mentions_of(jane).exists()


def test_a_held_reply_tells_nobody_until_it_is_approved(thread, jane, editor):
    newcomer = UserFactory(trusted_since=None)

    reply = services.post_reply(thread, newcomer, "Hi @jane_smith")

    assert not reply.is_public
    assert not mentions_of(jane).exists()
    moderation.approve_reply(reply, moderator=editor)
    assert mentions_of(jane).count() == 1


def test_the_members_preferences_apply(thread, jane):
    set_frequency(jane, get_kind("mention"), Frequency.OFF)

    services.post_reply(thread, UserFactory(), "@jane_smith")

    assert not mentions_of(jane).exists()


def test_an_erased_member_is_no_longer_mentioned(thread, jane):
    delete_account(jane, keep_public_posts=True)
    jane.refresh_from_db()

    assert jane.handle is None
    assert links_in("@jane_smith") == {}


def test_the_thread_page_links_mentions_for_the_same_queries_however_many(
    client, thread, followers_told_later
):
    # With those below, exactly one page of top-level replies.
    members = UserFactory.create_batch(services.REPLIES_PER_PAGE - 1)
    add_replies(thread, 1, 1)
    services.post_reply(thread, UserFactory(), f"@{members[0].handle}")
    client.get(thread.get_absolute_url())
    small = count_thread_page_queries(client, thread)

    for n, member in enumerate(members[1:]):
        top = services.post_reply(thread, UserFactory(), f"@{member.handle} n{n}")
        services.post_reply(thread, UserFactory(), "@nobody", parent_id=top.pk)
    html = client.get(thread.get_absolute_url()).content.decode()
    large = count_thread_page_queries(client, thread)

    assert large == small
    assert all(f'href="{profile(member)}"' in html for member in members)


def test_a_mention_waiting_for_a_digest_is_withdrawn_with_its_post(migration, jane):
    set_frequency(jane, get_kind("mention"), Frequency.DAILY)
    thread = services.start_thread(
        UserFactory(), migration, title="Census", body="@jane_smith", kind="discussion"
    )
    reply = services.post_reply(thread, UserFactory(), "Also @jane_smith")
    in_thread, in_reply = mentions_of(jane).order_by("pk")

    XtdComment.objects.filter(pk=reply.pk).update(is_public=False)

    assert notifications.withdrawn_mentions([in_thread, in_reply]) == {in_reply.pk}
