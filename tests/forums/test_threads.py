import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from forums import services
from forums.factories import ThreadFactory
from forums.models import Thread
from forums.views import THREADS_PER_PAGE
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<script>alert("x")</script><img src=x onerror=alert(1)> '
    "[click](javascript:alert(1))"
)


def new_thread_url(theme):
    return reverse("forums:new_thread", kwargs={"theme_slug": theme.slug})


def list_url(theme):
    return reverse("forums:threads", kwargs={"theme_slug": theme.slug})


def test_a_member_starts_a_question_with_markdown_and_topics(client, migration):
    member = UserFactory()
    client.force_login(member)

    response = client.post(
        new_thread_url(migration),
        {
            "kind": "question",
            "title": "When is the next LTIM release?",
            "body": "Is there a date for **the next** release?\n\n- one\n- two",
            "topics": "release calendar, migration",
            "action": "post",
        },
    )

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.url == thread.get_absolute_url()
    assert thread.author == member and thread.is_question
    assert sorted(t.name for t in thread.topics.all()) == [
        "migration",
        "release calendar",
    ]
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<strong>the next</strong>" in page
    assert "<li>one</li>" in page


def test_a_preview_shows_the_rendered_text_and_stores_nothing(client, migration):
    client.force_login(UserFactory())

    response = client.post(
        new_thread_url(migration),
        {
            "kind": "discussion",
            "title": "Draft",
            "body": "*Emphasis*",
            "action": "preview",
        },
    )

    html = response.content.decode()
    assert "<em>Emphasis</em>" in html
    assert 'value="Draft"' in html
    assert not Thread.objects.exists()


def test_a_thread_without_a_title_or_message_is_refused_and_keeps_the_input(
    client, migration
):
    client.force_login(UserFactory())

    response = client.post(
        new_thread_url(migration),
        {"kind": "", "title": "", "body": "Half a thought", "action": "post"},
    )

    html = response.content.decode()
    assert "Choose a question or a discussion." in html
    assert "Enter a title." in html
    assert "Half a thought" in html
    assert not Thread.objects.exists()


def test_visitors_and_unverified_members_cannot_start_threads(client, migration):
    response = client.get(new_thread_url(migration))
    assert response.url.startswith(reverse("account_login"))

    client.force_login(UserFactory(verified=False))
    client.post(
        new_thread_url(migration),
        {"kind": "discussion", "title": "Hi", "body": "Hello", "action": "post"},
    )

    assert not Thread.objects.exists()


def test_hostile_text_is_stored_intact_and_shown_harmless(client, migration):
    client.force_login(UserFactory())

    client.post(
        new_thread_url(migration),
        {"kind": "discussion", "title": HOSTILE, "body": HOSTILE, "action": "post"},
    )

    thread = Thread.objects.get()
    assert thread.title == HOSTILE and thread.body == HOSTILE
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "<img" not in html
    assert 'href="javascript:' not in html


def test_the_list_puts_pinned_threads_first_then_the_latest_activity(client, migration):
    old = ThreadFactory(theme=migration, title="Old")
    ThreadFactory(theme=migration, title="New")
    ThreadFactory(theme=migration, title="Pinned", is_pinned=True)
    Thread.objects.filter(pk=old.pk).update(last_activity_at="2030-01-01T00:00:00Z")

    response = client.get(list_url(migration))

    assert [t.title for t in response.context["threads"]] == ["Pinned", "Old", "New"]


def test_the_list_sorts_by_newest_and_filters_by_topic(client, migration):
    first = ThreadFactory(theme=migration, title="First")
    first.topics.add("census")
    ThreadFactory(theme=migration, title="Second")

    newest = client.get(list_url(migration), {"sort": "newest"})
    census = client.get(list_url(migration), {"topic": "census"})

    assert [t.title for t in newest.context["threads"]] == ["Second", "First"]
    assert [t.title for t in census.context["threads"]] == ["First"]


def test_a_sort_or_topic_that_is_not_one_is_ignored_not_an_error(client, migration):
    ThreadFactory(theme=migration, title="Only")

    for odd in [
        {"sort": "oldest", "topic": "x" * 5000},
        {"sort": ["newest", "abc"], "topic": "abc ' OR '1'='1' -- %_ ünï ☃ 😀"},
    ]:
        response = client.get(list_url(migration), odd)
        assert response.status_code == 200
        assert response.context["sort"] == "latest"
        assert "govuk-error-message" not in response.content.decode()
    assert [t.title for t in response.context["threads"]] == []
    kept = client.get(list_url(migration), {"sort": "newest", "topic": "census"})
    assert '<input type="hidden" name="topic" value="census"' in kept.content.decode()


def test_the_list_is_paginated_and_only_shows_this_theme(
    client, migration, theme_index
):
    ThreadFactory.create_batch(THREADS_PER_PAGE + 1, theme=migration)
    ThreadFactory(theme=ThemePageFactory(parent=theme_index), title="Elsewhere")

    first = client.get(list_url(migration))
    second = client.get(list_url(migration), {"page": 2})

    assert len(first.context["threads"]) == THREADS_PER_PAGE
    assert len(second.context["threads"]) == 1
    assert "Elsewhere" not in first.content.decode() + second.content.decode()


def test_an_old_slug_redirects_and_another_theme_is_not_found(
    client, migration, theme_index
):
    thread = ThreadFactory(theme=migration, title="Right title")
    other = ThemePageFactory(parent=theme_index, slug="housing")

    moved = client.get(
        reverse(
            "forums:thread",
            kwargs={"theme_slug": "migration", "pk": thread.pk, "slug": "old"},
        )
    )
    wrong_theme = client.get(
        reverse(
            "forums:thread",
            kwargs={"theme_slug": other.slug, "pk": thread.pk, "slug": thread.slug},
        )
    )

    assert moved.status_code == 301
    assert moved.url == thread.get_absolute_url()
    assert wrong_theme.status_code == 404


def test_the_theme_and_home_pages_show_the_latest_threads(client, migration):
    ThreadFactory(theme=migration, title="Visa statistics for 2026")

    assert "Visa statistics for 2026" in client.get(migration.url).content.decode()
    assert "Visa statistics for 2026" in client.get("/").content.decode()


def test_hostile_replies_and_profile_fields_are_shown_harmless(client, migration):
    author = UserFactory(
        display_name=HOSTILE[:80], bio=HOSTILE, organisation_name=HOSTILE
    )
    thread = ThreadFactory(theme=migration)
    services.post_reply(thread, author, HOSTILE)

    for url in (thread.get_absolute_url(), author.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<img" not in html
        assert 'href="javascript:' not in html
    reply = services.replies_to(thread).get()
    assert reply.comment == HOSTILE


def thread_action_url(name, thread):
    return reverse(
        f"forums:{name}",
        kwargs={"theme_slug": thread.theme.slug, "pk": thread.pk, "slug": thread.slug},
    )


def test_the_author_edits_their_thread_and_it_shows_as_edited(client, migration):
    thread = ThreadFactory(theme=migration, title="Tpyo")
    client.force_login(thread.author)

    response = client.post(
        thread_action_url("edit_thread", thread),
        {"kind": "discussion", "title": "Typo", "body": "Fixed", "topics": "census"},
    )

    thread.refresh_from_db()
    assert response.status_code == 302
    assert (thread.title, thread.body_html.strip()) == ("Typo", "<p>Fixed</p>")
    assert "edited" in client.get(thread.get_absolute_url()).content.decode()


def test_nobody_else_edits_or_deletes_a_thread(client, migration):
    thread = ThreadFactory(theme=migration, title="Mine")
    client.force_login(UserFactory())

    edit = client.post(
        thread_action_url("edit_thread", thread),
        {"kind": "discussion", "title": "Theirs", "body": "x"},
    )
    delete = client.post(thread_action_url("delete_thread", thread))

    assert edit.status_code == delete.status_code == 403
    assert Thread.objects.get(pk=thread.pk).title == "Mine"


def test_a_thread_with_replies_cannot_be_deleted_by_its_author(client, migration):
    thread = ThreadFactory(theme=migration)
    services.post_reply(thread, UserFactory(), "An answer")
    client.force_login(thread.author)

    assert client.post(thread_action_url("delete_thread", thread)).status_code == 403

    lonely = ThreadFactory(theme=migration, author=thread.author)
    client.post(thread_action_url("delete_thread", lonely))
    assert not Thread.objects.filter(pk=lonely.pk).exists()
