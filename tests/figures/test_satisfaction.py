"""'Did this meet your need?': asked once of the people an outcome concerns, by an
email whose links open a page to confirm (a scanner's visit records nothing), and
counted in the figures."""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Notification
from accounts.personal_data import registered
from consultations.factories import ConsultationPageFactory, ResponseFactory
from consultations.models import ConsultationPage
from figures import satisfaction
from figures.measures import Scope, _figures_of
from figures.models import SatisfactionAsk
from figures.period import Period
from forums import services as forum_services
from forums.models import Thread
from gaps import services as gap_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def met_gap(migration, ons_producer):
    author, supporter = UserFactory(), UserFactory()
    gap = gap_services.raise_gap(
        author, migration, title="Visas by age", measure="M", purpose="P"
    )
    gap_services.support(gap, supporter, use_case="For planning.")
    gap_services.change_status(gap, ons_producer, status="met", note="Published.")
    return gap, {author, supporter}


def test_the_people_a_met_gap_concerns_are_asked_once(met_gap):
    gap, people = met_gap

    assert satisfaction.ask_about_outcomes() == 2
    assert satisfaction.ask_about_outcomes() == 0  # a rerun asks nobody again

    asks = SatisfactionAsk.objects.filter(outcome="gap", object_id=gap.pk)
    assert {ask.user for ask in asks} == people
    emails = Notification.objects.filter(kind="satisfaction")
    assert emails.count() == 2
    assert "did-this-meet-your-need/" in emails.first().context["yes_url"]


def test_the_asker_of_an_answered_question_and_respondents_are_asked(
    migration, ons_producer, ons
):
    asker = UserFactory()
    question = forum_services.start_thread(
        asker, migration, title="Which weights?", body="?", kind="question", tell=False
    )
    answer = forum_services.post_reply(question, ons_producer, "These.", tell=False)
    forum_services.mark_answer(question, answer, marked_by=ons_producer, tell=False)
    consultation = ConsultationPageFactory(parent=migration, contact_organisation=ons)
    respondent = ResponseFactory(consultation=consultation).user
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        outcome_announced_at=timezone.now()
    )

    satisfaction.ask_about_outcomes()

    assert SatisfactionAsk.objects.get(outcome="question").user == asker
    ask = SatisfactionAsk.objects.get(outcome="consultation")
    assert (ask.user, ask.theme_id, ask.organisation) == (
        respondent,
        migration.pk,
        ons,
    )
    assert Thread.objects.get(pk=question.pk).answered_by == ons


def path_of(url):
    return "/" + url.split("/", 3)[3]


def test_following_the_emailed_link_records_nothing_until_confirmed(client, met_gap):
    satisfaction.ask_about_outcomes()
    ask = SatisfactionAsk.objects.first()
    url = path_of(satisfaction.answer_link(ask, False))

    page = client.get(url)

    assert page.status_code == 200
    assert 'value="no" checked' in page.content.decode()
    ask.refresh_from_db()
    assert ask.answered_at is None  # a scanner's visit votes nothing

    client.post(url, {"satisfied": "no", "comment": "Not by age band."})
    ask.refresh_from_db()
    assert (ask.satisfied, ask.comment) == (False, "Not by age band.")

    client.post(url, {"satisfied": "yes"})  # once only
    ask.refresh_from_db()
    assert ask.satisfied is False
    assert "Thank you for your answer" in client.get(url).content.decode()


def test_a_confirmation_without_a_choice_or_with_hidden_characters_is_refused(
    client, met_gap
):
    satisfaction.ask_about_outcomes()
    ask = SatisfactionAsk.objects.first()
    url = path_of(satisfaction.answer_link(ask, True))

    empty = client.post(url, {})
    hidden = client.post(url, {"satisfied": "yes", "comment": "ok\x07"})

    assert empty.status_code == 400
    assert "Select yes if this met your need" in empty.content.decode()
    assert hidden.status_code == 400
    assert "hidden control character" in hidden.content.decode()
    ask.refresh_from_db()
    assert ask.answered_at is None


def test_a_forged_or_expired_link_records_nothing(client, met_gap):
    satisfaction.ask_about_outcomes()
    ask = SatisfactionAsk.objects.first()
    forged = signing.dumps({"ask": ask.pk, "yes": True}, salt="another.salt")
    url = path_of(satisfaction.answer_link(ask, True))

    assert client.get(f"/did-this-meet-your-need/{forged}/").status_code == 404
    assert (
        client.post(
            f"/did-this-meet-your-need/{forged}/", {"satisfied": "yes"}
        ).status_code
        == 404
    )
    assert client.get("/did-this-meet-your-need/%00<script>/").status_code in (400, 404)

    later = timezone.now() + timedelta(days=satisfaction.LINK_DAYS + 1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.core.signing.time.time", lambda: later.timestamp())
        assert client.post(url, {"satisfied": "yes"}).status_code == 404
    ask.refresh_from_db()
    assert ask.answered_at is None


def test_the_share_satisfied_is_a_figure_of_the_theme_and_the_organisation(
    migration, met_gap, ons
):
    satisfaction.ask_about_outcomes()
    first, second = SatisfactionAsk.objects.order_by("pk")
    satisfaction.record_answer(first, None, True)
    satisfaction.record_answer(second, None, False)
    SatisfactionAsk.objects.update(organisation=ons)
    period = Period.last_twelve_months()

    for scope in (Scope.of_theme(migration), Scope.of_organisation(ons)):
        figure = _figures_of(scope, period).get("satisfaction")
        assert figure.rows[0] == ("A data gap met or closed", 2, 1, "50%")
        assert "50% said it met their need" in figure.summary


def test_the_person_asked_answers_on_the_gaps_page_and_nobody_else_may(client, met_gap):
    gap, people = met_gap
    satisfaction.ask_about_outcomes()
    asked, *_ = people
    ask = SatisfactionAsk.objects.get(user=asked)
    client.force_login(UserFactory())
    assert (
        "Did this meet your need?"
        not in client.get(gap.get_absolute_url()).content.decode()
    )
    answer_url = f"/did-this-meet-your-need/answer/{ask.pk}/"
    assert client.post(answer_url, {"satisfaction-satisfied": "yes"}).status_code == 404

    client.force_login(asked)
    page = client.get(gap.get_absolute_url()).content.decode()
    assert "Did this meet your need?" in page
    assert f'action="{answer_url}"' in page
    response = client.post(
        answer_url, {"satisfaction-satisfied": "yes", "satisfaction-comment": "Yes."}
    )

    assert "Thank you for your answer" in response.content.decode()
    ask.refresh_from_db()
    assert (ask.satisfied, ask.comment) == (True, "Yes.")
    assert (
        "Did this meet your need?"
        not in client.get(gap.get_absolute_url()).content.decode()
    )


def test_a_members_answers_are_in_their_data_and_erasing_keeps_only_the_yes_or_no(
    met_gap,
):
    satisfaction.ask_about_outcomes()
    ask = SatisfactionAsk.objects.first()
    satisfaction.record_answer(ask, None, False, "Not by age band.")
    [answers] = [data for data in registered() if data.key == "satisfaction"]

    assert answers.export(ask.user)[0]["comment"] == "Not by age band."
    answers.erase(ask.user, keep_public_posts=True)
    ask.refresh_from_db()
    assert (ask.satisfied, ask.comment) == (False, "")
