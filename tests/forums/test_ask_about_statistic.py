"""Ask about this statistic: a question in the statistic's theme, tagged to it, that
its contacts and the theme's producers and chairs hear of at once (contacts without
an account, by email: test_contacts_without_account.py).
The question page says whom it went to and how long a producer's first reply took,
or how long it has waited."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Notification
from catalogue.factories import StatisticFactory
from catalogue.models import StatisticContact
from forums import services
from forums.models import Thread
from themes.models import Role
from themes.services import grant_role, join_theme

pytestmark = pytest.mark.django_db

QUESTION = {"title": "Why did the response rate fall?", "body": "In 2024, that is."}


@pytest.fixture
def lfs(ons, housing):
    return StatisticFactory(name="Labour Force Survey", producer=ons, themes=[housing])


@pytest.fixture
def contact(lfs):
    person = UserFactory(first_name="Cora", last_name="Contact")
    StatisticContact.objects.create(
        statistic=lfs,
        name="Cora Contact",
        role="Lead",
        email="c@ons.example",
        user=person,
    )
    return person


@pytest.fixture
def producer(housing, editor):
    person = UserFactory(first_name="Pat", last_name="Producer")
    grant_role(housing, person, Role.PRODUCER, granted_by=editor, tell=False)
    return person


def ask_url(statistic):
    return reverse("forums:ask_about_statistic", kwargs={"slug": statistic.slug})


def test_a_member_asks_and_the_contacts_and_producers_hear_at_once(
    client, housing, lfs, contact, producer
):
    member = UserFactory()
    join_theme(bystander := UserFactory(), housing)
    client.force_login(member)
    assert (
        "Ask about this statistic"
        in client.get(lfs.get_absolute_url()).content.decode()
    )

    response = client.post(ask_url(lfs), {**QUESTION, "theme": housing.pk})

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.url == thread.get_absolute_url()
    assert (thread.theme, thread.kind, thread.author) == (housing, "question", member)
    assert list(thread.statistics.all()) == [lfs]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [contact.email, producer.email]
    )
    # A member of the theme hears of it as they chose (the daily digest).
    assert Notification.objects.get(user=bystander).cadence == "daily"
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Sent to Cora Contact" in page
    assert "Pat Producer" in page
    assert "Waiting for a producer's reply for 0 days" in page


def test_the_question_page_says_how_long_a_producers_first_reply_took(
    client, housing, lfs, producer
):
    asker = UserFactory()
    thread = services.start_thread(
        asker, housing, title="Q", body="B", kind="question", statistics=[lfs]
    )
    Thread.objects.filter(pk=thread.pk).update(
        created_at=timezone.now() - timedelta(days=3)
    )
    services.post_reply(thread, asker, "Any news?")
    reply = services.post_reply(thread, producer, "Here is why.")

    page = client.get(thread.get_absolute_url()).content.decode()

    assert "A producer first replied after 3\xa0days" in page
    assert f'href="#reply-{reply.pk}">go to the reply' in page


def test_a_question_left_unanswered_says_how_long_it_has_waited(client, housing, lfs):
    thread = services.start_thread(
        UserFactory(), housing, title="Q", body="B", kind="question", statistics=[lfs]
    )
    Thread.objects.filter(pk=thread.pk).update(
        created_at=timezone.now() - timedelta(days=4, hours=2)
    )

    page = client.get(thread.get_absolute_url()).content.decode()

    assert "Waiting for a producer's reply for 4 days" in page


def test_a_visitor_is_asked_to_sign_in_and_comes_back(client, lfs):
    response = client.get(ask_url(lfs))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert f"next={ask_url(lfs)}" in response.url.replace("%2F", "/")


def test_a_suspended_member_cannot_ask(client, housing, lfs):
    client.force_login(UserFactory(suspended_until=timezone.now() + timedelta(days=2)))

    response = client.post(ask_url(lfs), {**QUESTION, "theme": housing.pk})

    assert response.status_code == 403
    assert 'value="Why did the response rate fall?"' in response.content.decode()
    assert not Thread.objects.exists()


def test_asking_too_often_waits_and_keeps_the_question(client, housing, lfs):
    member = UserFactory()
    client.force_login(member)
    for n in range(services.POSTS_PER_MINUTE):
        done = client.post(
            ask_url(lfs), {**QUESTION, "title": f"Q{n}", "theme": housing.pk}
        )
        assert done.status_code == 302, done.content.decode()[-3000:]

    response = client.post(ask_url(lfs), {**QUESTION, "theme": housing.pk})

    assert response.status_code == 429
    assert "Why did the response rate fall?" in response.content.decode()
    assert Thread.objects.count() == services.POSTS_PER_MINUTE


def test_bad_input_is_refused_next_to_the_field_and_kept(client, housing, lfs):
    client.force_login(UserFactory())

    response = client.post(
        ask_url(lfs), {"title": "Kept \x00", "body": "", "theme": "nonsense"}
    )

    assert response.status_code == 400
    assert 'id="body-error"' in response.content.decode() or "Write your question" in (
        response.content.decode()
    )
    assert not Thread.objects.exists()


def test_a_statistic_with_no_theme_asks_which_theme(client, ons, housing, health):
    lonely = StatisticFactory(name="Lonely series", producer=ons, themes=[])
    client.force_login(UserFactory())

    form = client.get(ask_url(lonely)).content.decode()
    assert "Which theme should it go to?" in form
    assert "Housing" in form and "Health" in form
    refused = client.post(ask_url(lonely), QUESTION)
    assert "Choose the theme to ask in." in refused.content.decode()

    client.post(ask_url(lonely), {**QUESTION, "theme": health.pk})

    assert Thread.objects.get().theme == health


def test_a_theme_not_the_statistics_cannot_be_chosen(client, housing, health, lfs):
    client.force_login(UserFactory())

    response = client.post(ask_url(lfs), {**QUESTION, "theme": health.pk})

    assert response.status_code == 400
    assert not Thread.objects.exists()


def test_an_unknown_statistic_is_not_found(client):
    client.force_login(UserFactory())

    assert client.get("/statistics/no-such-thing/ask/").status_code == 404
