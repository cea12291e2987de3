"""Answers posted at the same moment each take their own place under the reply."""

import re

import pytest
from django.test import Client
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from forums import services
from forums.factories import ThreadFactory
from themes.factories import ThemePageFactory

ANSWERS = 20


@pytest.fixture
def thread(theme_index):
    theme = ThemePageFactory(parent=theme_index, title="Health", slug="health")
    return ThreadFactory(theme=theme, title="Waiting times")


def test_twenty_answers_at_once_take_twenty_places_in_order(database, thread):
    reply = services.post_reply(thread, UserFactory(), "Which trusts?", tell=False)
    members = UserFactory.create_batch(ANSWERS)

    def answer(n):
        return services.post_reply(
            thread, members[n], f"Answer {n}", reply.pk, tell=False
        ).pk

    results = database.at_once(ANSWERS, answer)

    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 0, errors[0]

    def stored():
        answers = XtdComment.objects.filter(parent_id=reply.pk, level=1)
        return (
            list(answers.order_by("order").values_list("order", "comment")),
            XtdComment.objects.get(pk=reply.pk).nested_count,
            Client().get(thread.get_absolute_url()).content.decode(),
        )

    orders, nested_count, html = database.run(stored)
    assert len({order for order, _ in orders}) == ANSWERS
    assert [order for order, _ in orders] == list(range(2, ANSWERS + 2))
    assert nested_count == ANSWERS
    shown = re.findall(r"Answer \d+", html)
    assert shown == [comment for _, comment in orders]
