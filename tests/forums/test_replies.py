import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from accounts.services import delete_account
from forums import services
from forums.factories import ThreadFactory
from forums.models import Thread
from tests.in_welsh import in_welsh, text_of

pytestmark = pytest.mark.django_db

# With its statistics and what came of it (connections.chain: gaps by the
# register's rule, actions and consultations by themes.roles.public_pages).
# A member adds their session and account and their unread notifications (the
# header); what they may do here comes with the authors' badges, whether they
# follow with the thread.
THREAD_PAGE_BUDGET = {False: 9, True: 12}


@pytest.fixture
def thread(migration):
    return ThreadFactory(theme=migration, title="Visa data")


def reply_url(thread):
    return reverse(
        "forums:reply",
        kwargs={"theme_slug": thread.theme.slug, "pk": thread.pk, "slug": thread.slug},
    )


def test_a_member_replies_to_the_thread_and_to_a_reply(client, thread):
    member = UserFactory()
    client.force_login(member)

    first = client.post(reply_url(thread), {"comment": "Top-level *reply*"})
    parent = XtdComment.objects.get()
    client.post(reply_url(thread), {"comment": "A reply to it", "parent": parent.pk})

    assert first.status_code == 302
    thread.refresh_from_db()
    assert thread.reply_count == 2
    child = XtdComment.objects.get(level=1)
    assert child.thread_id == parent.pk
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "<em>reply</em>" in html
    assert html.index("Top-level") < html.index("A reply to it")


def test_after_posting_the_page_shows_a_success_banner_and_the_new_reply(
    client, thread
):
    """The redirect names the new reply (on its page of the thread), and the next
    page says it worked, with a link to it."""
    member = UserFactory()
    client.force_login(member)
    for n in range(services.REPLIES_PER_PAGE):
        services.post_reply(thread, UserFactory(), f"Earlier reply {n}", tell=False)

    response = client.post(reply_url(thread), {"comment": "Mine"})
    mine = XtdComment.objects.get(comment="Mine")
    child = client.post(reply_url(thread), {"comment": "Child", "parent": mine.pk})
    answer = XtdComment.objects.get(comment="Child")

    url = thread.get_absolute_url()
    assert response["Location"] == f"{url}?page=2#reply-{mine.pk}"
    assert child["Location"] == f"{url}?page=2#reply-{answer.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "govuk-notification-banner--success" in page
    assert "Your reply has been posted." in page
    assert f'href="#reply-{mine.pk}">Go to your reply</a>' in page
    assert f'id="reply-{mine.pk}"' in page


def test_a_held_reply_is_acknowledged_as_waiting_for_a_moderator(client, thread):
    newcomer = UserFactory(trusted_since=None)
    client.force_login(newcomer)

    response = client.post(reply_url(thread), {"comment": "First words"}, follow=True)

    assert "A moderator will check it before others see it." in (
        response.content.decode()
    )


def test_a_member_finds_a_skip_link_to_the_reply_form(client, thread):
    client.force_login(UserFactory())

    html = client.get(thread.get_absolute_url()).content.decode()

    assert '<a class="govuk-link" href="#reply">Skip to the reply form</a>' in html
    assert 'id="reply"' in html


def test_a_reply_to_a_reply_to_a_reply_is_refused_and_stores_nothing(client, thread):
    client.force_login(UserFactory())
    top = services.post_reply(thread, UserFactory(), "Top")
    second = services.post_reply(thread, UserFactory(), "Second", parent_id=top.pk)

    response = client.post(reply_url(thread), {"comment": "Third", "parent": second.pk})

    assert response.status_code == 400
    assert "not to a reply to a reply" in response.content.decode()
    assert XtdComment.objects.count() == 2


def test_a_reply_to_a_locked_thread_is_refused(client, thread):
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    client.force_login(UserFactory())

    response = client.post(reply_url(thread), {"comment": "Let me in"})

    assert response.status_code == 400
    assert not XtdComment.objects.exists()


def test_a_reply_naming_a_parent_in_another_thread_is_refused(client, thread):
    elsewhere = services.post_reply(
        ThreadFactory(theme=thread.theme), UserFactory(), "x"
    )
    client.force_login(UserFactory())

    response = client.post(reply_url(thread), {"comment": "Hi", "parent": elsewhere.pk})

    assert response.status_code == 400
    assert XtdComment.objects.count() == 1


def test_an_empty_reply_is_explained(client, thread):
    client.force_login(UserFactory())

    response = client.post(reply_url(thread), {"comment": ""})

    assert "Write your reply." in response.content.decode()
    assert not XtdComment.objects.exists()


def test_visitors_cannot_reply(client, thread):
    response = client.post(reply_url(thread), {"comment": "Hello"})

    assert response.url.startswith(reverse("account_login"))
    assert not XtdComment.objects.exists()


def test_a_producers_reply_carries_their_organisation(client, thread, ons_producer):
    services.post_reply(thread, ons_producer, "The data is out on Thursday.")

    html = client.get(thread.get_absolute_url()).content.decode()

    assert "Producer, ONS" in html


def count_thread_page_queries(client, thread):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


def add_replies(thread, top_level, each):
    authors = UserFactory.create_batch(5)
    for n in range(top_level):
        top = services.post_reply(thread, authors[n % 5], f"Reply {n}")
        for m in range(each):
            services.post_reply(thread, authors[m % 5], f"Answer {m}", parent_id=top.pk)


@pytest.fixture
def followers_told_later(settings):
    """Telling followers is a background task: here it is queued and never run, so
    posting hundreds of replies costs no emails."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }


def test_each_page_shows_its_own_replies_each_followed_by_its_answers(
    client, thread, followers_told_later
):
    add_replies(thread, services.REPLIES_PER_PAGE + 2, 2)

    first = client.get(thread.get_absolute_url()).content.decode()
    second = client.get(thread.get_absolute_url() + "?page=2").content.decode()

    last = services.REPLIES_PER_PAGE - 1
    assert f"Reply {last}<" in first and f"Reply {last + 1}<" not in first
    assert "Reply 0<" not in second
    assert second.index(f"Reply {last + 1}<") < second.index("Answer 0<")
    assert second.index("Answer 1<") < second.index(f"Reply {last + 2}<")
    assert second.count("Answer 0<") == 2


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_thread_page_stays_within_budget_however_many_replies(
    client, thread, followers_told_later, signed_in
):
    if signed_in:
        member = UserFactory()
        services.follow(thread, member)
        client.force_login(member)
    add_replies(thread, 2, 1)
    client.get(thread.get_absolute_url())
    small = count_thread_page_queries(client, thread)

    add_replies(thread, 60, 3)
    large = count_thread_page_queries(client, thread)

    assert large == small
    assert large <= THREAD_PAGE_BUDGET[signed_in]


def test_posting_a_reply_costs_the_same_however_long_the_thread(
    thread, followers_told_later
):
    member = UserFactory()

    def cost():
        top = services.post_reply(thread, member, "warm")
        with CaptureQueriesContext(connection) as top_level:
            services.post_reply(thread, member, "top")
        with CaptureQueriesContext(connection) as nested:
            services.post_reply(thread, member, "nested", parent_id=top.pk)
        return len(top_level), len(nested)

    small = cost()
    add_replies(thread, 40, 2)
    assert cost() == small


def test_deleting_an_account_and_keeping_posts_shows_a_former_member(client, thread):
    author = thread.author
    services.post_reply(thread, author, "My reply")

    delete_account(author, keep_public_posts=True)

    html = client.get(thread.get_absolute_url()).content.decode()
    assert "A former member" in html
    assert "My reply" in html


def test_deleting_an_account_and_removing_posts_keeps_others_answers(client, thread):
    leaver = UserFactory()
    mine = services.post_reply(thread, leaver, "Mine, answered")
    services.post_reply(thread, UserFactory(), "Theirs", parent_id=mine.pk)
    services.post_reply(thread, leaver, "Mine, alone")
    own_thread = ThreadFactory(theme=thread.theme, author=leaver)
    services.post_reply(own_thread, UserFactory(), "On their thread")

    delete_account(leaver, keep_public_posts=False)

    assert Thread.objects.get(pk=own_thread.pk).author is None
    assert XtdComment.objects.filter(comment="On their thread").exists()
    assert not XtdComment.objects.filter(comment__startswith="Mine").exists()
    assert XtdComment.objects.get(pk=mine.pk).is_removed
    assert XtdComment.objects.filter(comment="Theirs").exists()
    assert (
        "This reply was deleted."
        in client.get(thread.get_absolute_url()).content.decode()
    )


def test_posting_too_fast_is_refused_and_keeps_the_text(client, thread):
    client.force_login(UserFactory())
    for n in range(services.POSTS_PER_MINUTE):
        assert (
            client.post(reply_url(thread), {"comment": f"Reply {n}"}).status_code == 302
        )

    response = client.post(reply_url(thread), {"comment": "One too many"})

    html = response.content.decode()
    assert response.status_code == 429
    assert "Try again in" in html
    assert "One too many" in html
    assert XtdComment.objects.count() == services.POSTS_PER_MINUTE


def test_a_welsh_reader_posting_too_fast_is_told_in_welsh(client, thread):
    client.force_login(UserFactory())
    for n in range(services.POSTS_PER_MINUTE):
        client.post(reply_url(thread), {"comment": f"Reply {n}"})

    response = in_welsh(client.post, reply_url(thread), {"comment": "Un yn ormod"})

    assert response.status_code == 429
    assert (
        f"Rydych wedi postio {services.POSTS_PER_MINUTE} gwaith yn y funud ddiwethaf"
        in text_of(response)
    )
