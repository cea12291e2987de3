"""Erasing a member removes what they wrote and nothing anybody else wrote.

The counters the pages show (replies in a thread, its last activity, answers under a
reply, support for a gap) are restated here from the rows, so they must stay true.
"""

from datetime import timedelta

import pytest
from django.db.models import Max
from django_comments_xtd.models import XtdComment

from accounts.factories import OrganisationFactory, UserFactory
from accounts.services import delete_account
from forums import services
from forums.factories import ThreadFactory
from forums.models import Thread
from gaps import services as gap_services
from gaps.factories import DataGapFactory
from gaps.models import DataGap, GapSupport
from themes.factories import ThemePageFactory
from themes.models import Role, ThemeRole

pytestmark = pytest.mark.django_db

# Others' replies fill two pages of the thread: the leaver's come after them.
OTHERS_REPLIES = 2 * services.REPLIES_PER_PAGE
# A thread's creation and first activity are stamped a few microseconds apart.
SAME_MOMENT = timedelta(seconds=1)


@pytest.fixture
def theme(theme_index):
    return ThemePageFactory(parent=theme_index, title="Housing", slug="housing")


@pytest.fixture
def leaver(theme):
    """A member with a busy thread of their own and replies in someone else's."""
    leaver = UserFactory(first_name="Lee", last_name="Ving")
    busy = ThreadFactory(
        theme=theme, author=leaver, title="Rents", kind=Thread.Kind.QUESTION
    )
    others = UserFactory.create_batch(5)
    for n in range(OTHERS_REPLIES):
        services.post_reply(busy, others[n % 5], f"Theirs {n}", tell=False)
    answered = services.post_reply(busy, leaver, "Mine, answered", tell=False)
    services.post_reply(busy, others[0], "Their answer", answered.pk, tell=False)
    services.post_reply(busy, leaver, "Mine, under mine", answered.pk, tell=False)
    services.post_reply(busy, leaver, "Mine, alone", tell=False)
    first = XtdComment.objects.get(comment="Theirs 0")
    services.post_reply(busy, leaver, "Mine, under theirs", first.pk, tell=False)

    elsewhere = ThreadFactory(theme=theme, title="Prices", kind=Thread.Kind.QUESTION)
    services.post_reply(elsewhere, others[1], "Theirs elsewhere", tell=False)
    marked = services.post_reply(elsewhere, leaver, "Mine, the answer", tell=False)
    services.post_reply(elsewhere, others[2], "Thanks", marked.pk, tell=False)
    services.post_reply(elsewhere, leaver, "Mine, last word", tell=False)
    producer = UserFactory()
    ThemeRole.objects.create(
        theme=theme,
        user=producer,
        role=Role.PRODUCER,
        organisation=OrganisationFactory(),
    )
    services.mark_answer(elsewhere, marked, marked_by=producer, tell=False)

    ThreadFactory(theme=theme, author=leaver, title="Nobody answered")
    return leaver


def others_posts(leaver_id):
    return set(
        services.replies_to_any_thread()
        .exclude(user_id=leaver_id)
        .values_list("pk", "comment")
    )


def assert_counters_are_true():
    for thread in Thread.objects.all():
        replies = services.replies_to(thread)
        assert thread.reply_count == replies.count(), thread
        latest = replies.aggregate(latest=Max("submit_date"))["latest"]
        if latest:
            assert thread.last_activity_at == latest, thread
        else:
            assert thread.last_activity_at - thread.created_at < SAME_MOMENT, thread
        if thread.answer_id is None:
            assert thread.answered_by_id is None, thread
        for reply in replies.filter(level=0):
            assert reply.nested_count == (
                replies.filter(thread_id=reply.pk).exclude(pk=reply.pk).count()
            ), reply.comment
    for gap in DataGap.objects.all():
        assert gap.support_count == gap.supports.count(), gap


def test_removing_your_posts_removes_no_reply_by_anyone_else(leaver):
    leaver_id = leaver.pk
    before = others_posts(leaver_id)

    delete_account(leaver, keep_public_posts=False)

    lost = before - others_posts(leaver_id)
    assert len(lost) == 0
    assert len(before) == OTHERS_REPLIES + 3


def test_a_thread_others_answered_stays_as_a_former_members(client, leaver):
    delete_account(leaver, keep_public_posts=False)

    busy = Thread.objects.get(title="Rents")
    assert busy.author is None
    assert not Thread.objects.filter(title="Nobody answered").exists()
    html = client.get(busy.get_absolute_url()).content.decode()
    assert "A former member" in html
    assert "Theirs 0" in html
    # "Mine, answered" came after the others' replies: first on the last page.
    last = OTHERS_REPLIES // services.REPLIES_PER_PAGE + 1
    last_page = client.get(f"{busy.get_absolute_url()}?page={last}").content.decode()
    assert "This reply was deleted." in last_page
    assert "Their answer" in last_page
    listing = client.get(f"{busy.theme.url}discussions/").content.decode()
    assert "started by A former member" in listing


def test_removing_your_posts_keeps_every_counter_true(leaver):
    delete_account(leaver, keep_public_posts=False)

    assert not XtdComment.objects.filter(comment__startswith="Mine").exists()
    marker = XtdComment.objects.get(
        thread_id__in=XtdComment.objects.filter(comment="Their answer").values(
            "thread_id"
        ),
        level=0,
    )
    assert (marker.is_removed, marker.user, marker.comment) == (True, None, "")
    assert_counters_are_true()
    elsewhere = Thread.objects.get(title="Prices")
    assert elsewhere.answer_id is None


def test_keeping_your_posts_keeps_every_counter_true(leaver):
    before = services.replies_to_any_thread().count()

    delete_account(leaver, keep_public_posts=True)

    assert services.replies_to_any_thread().count() == before
    assert_counters_are_true()


@pytest.fixture
def gaps(theme):
    leaver = UserFactory()
    supported = gap_services.raise_gap(
        leaver, theme, title="Supported", measure="m", purpose="p"
    )
    lonely = gap_services.raise_gap(
        leaver, theme, title="Lonely", measure="m", purpose="p"
    )
    for supporter in UserFactory.create_batch(3):
        gap_services.support(supported, supporter, use_case="Me too")
    theirs = DataGapFactory(theme=theme, title="Theirs")
    gap_services.support(theirs, leaver)
    return leaver, supported, lonely, theirs


def test_removing_your_posts_keeps_a_gap_others_support(gaps):
    leaver, supported, lonely, theirs = gaps

    delete_account(leaver, keep_public_posts=False)

    supported.refresh_from_db()
    assert supported.author is None
    assert supported.supports.count() == 3
    assert not DataGap.objects.filter(pk=lonely.pk).exists()
    assert not GapSupport.objects.filter(gap=theirs).exists()
    assert_counters_are_true()
