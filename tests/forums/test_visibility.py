"""Replying, liking, quoting, reporting and following obey the rule for seeing a
thread or a reply: what is a 404 to read is a 404 to act on."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from forums import services
from forums.factories import ThreadFactory
from forums.models import Report, Thread, ThreadFollow
from themes.factories import ThemePageFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(migration):
    return migration


@pytest.fixture
def held_thread(theme):
    newcomer = UserFactory(trusted_since=None, date_joined=timezone.now())
    return services.start_thread(
        newcomer, theme, title="My first post", body="Hi", kind="discussion"
    )


@pytest.fixture
def hidden_thread(theme):
    """A thread three reports hid, with a reply posted before it was hidden."""
    thread = ThreadFactory(theme=theme, title="Reported")
    reply = services.post_reply(thread, UserFactory(), "An answer")
    Thread.objects.filter(pk=thread.pk).update(is_public=False)
    thread.refresh_from_db()
    thread.earlier_reply = reply
    return thread


def url(thread, name, **extra):
    return reverse(
        f"forums:{name}",
        kwargs={
            "theme_slug": thread.theme.slug,
            "pk": thread.pk,
            "slug": thread.slug,
            **extra,
        },
    )


@pytest.mark.parametrize("which", ["held_thread", "hidden_thread"])
def test_a_member_cannot_reply_to_a_thread_they_cannot_see(client, request, which):
    thread = request.getfixturevalue(which)
    replies_before = XtdComment.objects.count()
    client.force_login(UserFactory())

    assert client.get(thread.get_absolute_url()).status_code == 404
    assert client.post(url(thread, "reply"), {"comment": "Hello"}).status_code == 404
    assert XtdComment.objects.count() == replies_before


def test_nobody_likes_reports_or_follows_in_a_hidden_thread(client, hidden_thread):
    reply = hidden_thread.earlier_reply
    client.force_login(UserFactory())

    like = client.post(url(hidden_thread, "like_reply", reply_id=reply.pk))
    report_reply = client.post(
        url(hidden_thread, "report_reply", reply_id=reply.pk), {"reason": "spam"}
    )
    report_thread = client.post(url(hidden_thread, "report_thread"), {"reason": "spam"})
    follow = client.post(url(hidden_thread, "follow"))
    quote = client.get(hidden_thread.get_absolute_url(), {"quote": reply.pk})

    assert [r.status_code for r in (like, report_reply, report_thread, follow)] == [
        404
    ] * 4
    assert quote.status_code == 404
    assert not CommentFlag.objects.filter(comment=reply).exists()
    assert not Report.objects.exists()
    assert (
        not ThreadFollow.objects.exclude(user=reply.user)
        .exclude(user=hidden_thread.author)
        .exists()
    )


def test_a_producer_cannot_mark_an_answer_in_a_held_thread(client, held_thread, editor):
    held_thread.kind = Thread.Kind.QUESTION
    held_thread.save()
    reply = services.post_reply(held_thread, held_thread.author, "Me again")
    producer = appoint(held_thread.theme, Role.PRODUCER, editor)
    client.force_login(producer)

    response = client.post(url(held_thread, "mark_answer"), {"reply": reply.pk})

    assert response.status_code == 404
    assert Thread.objects.get(pk=held_thread.pk).answer is None


def test_a_held_reply_cannot_be_reported_quoted_or_answered_by_others(client, theme):
    thread = ThreadFactory(theme=theme)
    newcomer = UserFactory(trusted_since=None)
    held = services.post_reply(thread, newcomer, "Buy cheap pills")
    client.force_login(UserFactory())

    report = client.post(
        url(thread, "report_reply", reply_id=held.pk), {"reason": "spam"}
    )
    quoted = client.get(thread.get_absolute_url(), {"quote": held.pk})
    answer = client.post(url(thread, "reply"), {"comment": "Yes", "parent": held.pk})

    assert report.status_code == 404
    assert "Buy cheap pills" not in quoted.content.decode()
    assert answer.status_code == 400
    assert not Report.objects.exists()
    assert XtdComment.objects.count() == 1


def test_the_author_and_the_chair_still_act_on_a_held_thread(
    client, held_thread, editor
):
    chair = appoint(held_thread.theme, Role.CHAIR, editor)

    client.force_login(held_thread.author)
    own = client.post(url(held_thread, "reply"), {"comment": "Adding a detail"})
    client.force_login(chair)
    chairs = client.post(url(held_thread, "reply"), {"comment": "Welcome"})
    follow = client.post(url(held_thread, "follow"))

    assert [own.status_code, chairs.status_code, follow.status_code] == [302] * 3
    assert ThreadFollow.objects.filter(thread=held_thread, user=chair).exists()


def test_the_services_refuse_what_the_member_cannot_see(held_thread):
    outsider = UserFactory()

    with pytest.raises(services.PermissionDenied):
        services.post_reply(held_thread, outsider, "Sneaking in")
    with pytest.raises(services.PermissionDenied):
        services.follow(held_thread, outsider)
    assert not XtdComment.objects.exists()


def test_a_held_thread_is_not_on_its_authors_public_profile(client, held_thread):
    page = client.get(reverse("public_profile", args=[held_thread.author.pk]))

    assert "My first post" not in page.content.decode()


def test_a_thread_in_a_private_theme_is_listed_on_no_profile_and_not_on_the_home_page(
    client, theme, home_page
):
    author = UserFactory()
    ThreadFactory(theme=theme, author=author, title="Open to all")
    private = ThemePageFactory(parent=theme.get_parent(), title="Private", slug="p")
    ThreadFactory(theme=private, author=author, title="Behind the sign-in")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    profile = client.get(reverse("public_profile", args=[author.pk])).content.decode()
    home = client.get(home_page.url).content.decode()

    assert "Open to all" in profile
    assert "Open to all" in home
    assert "Behind the sign-in" not in profile
    assert "Behind the sign-in" not in home
