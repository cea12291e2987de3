"""The responding rules, called with a user and values as admin actions, tasks and
views do: no request, no session."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.factories import UserFactory
from consultations.factories import ResponseFactory
from consultations.services import responding

pytestmark = pytest.mark.django_db


def submit_until_refused(user, ip_address, email=""):
    for _ in range(responding.SUBMISSIONS_PER_HOUR):
        responding.check_submission_rate(user, ip_address, email)
    with pytest.raises(responding.TooManySubmissions):
        responding.check_submission_rate(user, ip_address, email)


def test_a_member_is_counted_by_their_account_not_their_address():
    member, colleague = UserFactory(), UserFactory()
    submit_until_refused(member, "192.0.2.1")

    responding.check_submission_rate(colleague, "192.0.2.1")


def test_someone_without_an_account_is_counted_by_their_address():
    visitor = AnonymousUser()
    submit_until_refused(visitor, "192.0.2.1")

    responding.check_submission_rate(visitor, "192.0.2.2")


def test_a_member_finds_only_their_own_response(consultation):
    member = UserFactory()
    own = ResponseFactory(consultation=consultation, user=member)
    others = ResponseFactory(consultation=consultation, user=UserFactory())

    assert responding.response_of(member, consultation, others.pk) == own
    assert responding.owns(member, own)
    assert not responding.owns(member, others, others.pk)


def test_without_an_account_only_the_held_response_without_one_is_found(
    consultation,
):
    visitor = AnonymousUser()
    held = ResponseFactory(consultation=consultation, user=None)
    members = ResponseFactory(consultation=consultation, user=UserFactory())

    assert responding.response_of(visitor, consultation, held.pk) == held
    assert responding.response_of(visitor, consultation, members.pk) is None
    assert responding.response_of(visitor, consultation) is None
    assert responding.owns(visitor, held, held.pk)
    assert not responding.owns(visitor, held)
    assert not responding.owns(visitor, members, members.pk)
