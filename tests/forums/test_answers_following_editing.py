import pytest
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from accounts import notifications
from accounts.factories import UserFactory
from forums import services
from forums.factories import ThreadFactory
from forums.models import ReplyEdit, Thread, ThreadFollow
from themes import services as theme_services
from themes.factories import ThemePageFactory
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(migration):
    return ThreadFactory(theme=migration, title="When?", kind=Thread.Kind.QUESTION)


def url(name, thread, **kwargs):
    return reverse(
        f"forums:{name}",
        kwargs={
            "theme_slug": thread.theme.slug,
            "pk": thread.pk,
            "slug": thread.slug,
            **kwargs,
        },
    )


def test_a_producer_marks_the_answer_and_the_asker_is_told(
    client, question, ons_producer, mailoutbox
):
    reply = services.post_reply(question, UserFactory(), "Thursday.")
    mailoutbox.clear()
    client.force_login(ons_producer)

    response = client.post(url("mark_answer", question), {"reply": reply.pk})

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == reply
    assert question.answered_by.acronym == "ONS"
    html = client.get(question.get_absolute_url()).content.decode()
    assert "by Office for National Statistics" in html
    assert mailoutbox[-1].to == [question.author.email]
    assert mailoutbox[-1].subject == "Your question has an answer: When?"


def test_only_a_producer_in_the_theme_may_mark_an_answer(
    client, question, theme_index, editor
):
    reply = services.post_reply(question, UserFactory(), "Thursday.")
    elsewhere = UserFactory()
    theme_services.grant_role(
        ThemePageFactory(parent=theme_index),
        elsewhere,
        Role.PRODUCER,
        granted_by=editor,
    )

    for user in (question.author, elsewhere):
        client.force_login(user)
        response = client.post(url("mark_answer", question), {"reply": reply.pk})
        assert response.status_code == 403

    question.refresh_from_db()
    assert question.answer is None


def test_discussions_have_no_answers_and_replies_must_be_in_the_thread(
    client, migration, question, ons_producer
):
    discussion = ThreadFactory(theme=migration, kind=Thread.Kind.DISCUSSION)
    reply = services.post_reply(discussion, UserFactory(), "Hi")
    client.force_login(ons_producer)

    assert (
        client.post(url("mark_answer", discussion), {"reply": reply.pk}).status_code
        == 400
    )
    assert (
        client.post(url("mark_answer", question), {"reply": reply.pk}).status_code
        == 400
    )


@pytest.mark.parametrize(
    "hostile", ["abc", "", "-1", "1.5", "99999999999999999999", "1\x00", "١٢"]
)
def test_a_producer_sending_a_reply_that_is_no_id_gets_a_clear_refusal(
    client, question, ons_producer, hostile
):
    services.post_reply(question, UserFactory(), "Thursday.")
    client.force_login(ons_producer)

    response = client.post(url("mark_answer", question), {"reply": hostile})

    assert response.status_code in (400, 404)
    question.refresh_from_db()
    assert question.answer is None


def test_unanswered_questions_are_one_filter_away(
    client, migration, question, ons_producer
):
    answered = ThreadFactory(
        theme=migration, title="Answered", kind=Thread.Kind.QUESTION
    )
    services.mark_answer(
        answered,
        services.post_reply(answered, UserFactory(), "Yes"),
        marked_by=ons_producer,
    )
    ThreadFactory(theme=migration, title="A chat")

    response = client.get(
        reverse("forums:threads", kwargs={"theme_slug": "migration"}),
        {"sort": "unanswered"},
    )

    assert [t.title for t in response.context["threads"]] == ["When?"]


def test_followers_get_the_full_text_of_a_new_reply(question, mailoutbox):
    services.follow(question, question.author)
    follower = UserFactory()
    services.post_reply(question, follower, "I want to know too")
    mailoutbox.clear()

    services.post_reply(
        question, UserFactory(display_name="Sam"), "It is **Thursday**."
    )

    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([question.author.email, follower.email])
    message = next(m for m in mailoutbox if m.to == [follower.email])
    assert "It is **Thursday**." in message.body
    assert "<strong>Thursday</strong>" in message.alternatives[0][0]
    assert "List-Unsubscribe" in message.extra_headers


def test_muting_stops_the_emails(client, question, mailoutbox):
    follower = UserFactory()
    services.post_reply(question, follower, "Me too")
    client.force_login(follower)
    client.post(url("follow", question), {"muted": "true"})
    mailoutbox.clear()

    services.post_reply(question, UserFactory(), "News")

    assert follower.email not in [m.to[0] for m in mailoutbox]
    assert ThreadFollow.objects.get(user=follower).muted


def test_a_reply_waits_for_a_digest_when_the_member_prefers(question, mailoutbox):
    notifications.set_frequency(
        question.author,
        notifications.get_kind("thread_reply"),
        "weekly",
        question.theme,
    )

    services.post_reply(question, UserFactory(), "News")

    assert question.author.email not in [m.to[0] for m in mailoutbox]


def test_theme_members_hear_of_new_threads_as_they_prefer(migration, mailoutbox):
    daily, now = UserFactory(), UserFactory()
    for member in (daily, now):
        theme_services.join_theme(member, migration)
    notifications.set_frequency(
        now, notifications.get_kind("new_thread"), "immediately", migration
    )

    services.start_thread(
        UserFactory(), migration, title="Fresh", body="Hello", kind="discussion"
    )

    assert [m.to for m in mailoutbox] == [[now.email]]
    assert mailoutbox[0].subject == "New in Migration: Fresh"


def test_a_member_edits_their_reply_and_it_shows_as_edited(client, question):
    author = UserFactory()
    reply = services.post_reply(question, author, "Frist")
    client.force_login(author)

    client.post(url("edit_reply", question, reply_id=reply.pk), {"comment": "First"})

    reply.refresh_from_db()
    assert reply.comment == "First"
    assert ReplyEdit.objects.filter(reply=reply).exists()
    assert "edited" in client.get(question.get_absolute_url()).content.decode()


def test_nobody_edits_or_deletes_someone_elses_reply(client, question):
    reply = services.post_reply(question, UserFactory(), "Mine")
    client.force_login(UserFactory())

    assert (
        client.post(
            url("edit_reply", question, reply_id=reply.pk), {"comment": "x"}
        ).status_code
        == 403
    )
    assert (
        client.post(url("delete_reply", question, reply_id=reply.pk)).status_code == 403
    )
    reply.refresh_from_db()
    assert reply.comment == "Mine"


def test_deleting_a_reply_others_answered_leaves_a_marker(client, question):
    author = UserFactory()
    reply = services.post_reply(question, author, "Mine")
    services.post_reply(question, UserFactory(), "An answer", parent_id=reply.pk)
    lonely = services.post_reply(question, author, "Alone")
    client.force_login(author)

    client.post(url("delete_reply", question, reply_id=reply.pk))
    client.post(url("delete_reply", question, reply_id=lonely.pk))

    assert XtdComment.objects.get(pk=reply.pk).is_removed
    assert not XtdComment.objects.filter(pk=lonely.pk).exists()
    question.refresh_from_db()
    assert question.reply_count == 2
    html = client.get(question.get_absolute_url()).content.decode()
    assert "This reply was deleted." in html
    assert "An answer" in html


def test_members_like_a_reply_and_take_it_back(client, question):
    reply = services.post_reply(question, UserFactory(), "Useful")
    fan = UserFactory()
    client.force_login(fan)

    client.post(url("like_reply", question, reply_id=reply.pk))
    assert "Liked" in client.get(question.get_absolute_url()).content.decode()
    assert "(1)" in client.get(question.get_absolute_url()).content.decode()

    client.post(url("like_reply", question, reply_id=reply.pk))
    assert "(0)" in client.get(question.get_absolute_url()).content.decode()


def test_nobody_likes_their_own_reply(client, question):
    author = UserFactory()
    reply = services.post_reply(question, author, "Mine")
    client.force_login(author)

    response = client.post(url("like_reply", question, reply_id=reply.pk))

    assert response.status_code == 400


def test_quoting_starts_the_reply_with_the_quoted_text(client, question):
    quoted = services.post_reply(
        question, UserFactory(display_name="Sam"), "Line one\nLine two"
    )
    client.force_login(UserFactory())

    response = client.get(question.get_absolute_url(), {"quote": quoted.pk})

    form = response.context["reply_form"]
    assert form.initial["comment"] == (
        "> **Sam** wrote:\n>\n> Line one\n> Line two\n\n"
    )
    assert client.get(question.get_absolute_url(), {"quote": "x"}).status_code == 200


def test_deleting_asks_first(client, question):
    author = UserFactory()
    reply = services.post_reply(question, author, "Mine")
    client.force_login(author)

    page = client.get(url("delete_reply", question, reply_id=reply.pk))

    assert page.status_code == 200
    assert "Delete your reply?" in page.content.decode()
    assert XtdComment.objects.filter(pk=reply.pk).exists()
    client.force_login(question.author)
    thread_page = client.get(url("delete_thread", question))
    assert "Delete your thread?" in thread_page.content.decode()
