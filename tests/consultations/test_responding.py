import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import UserFactory
from consultations.factories import (
    COMPLETE_ANSWERS,
    ConsultationPageFactory,
    ResponseFactory,
)
from consultations.models import ConsultationPage, ConsultationResponse
from consultations.services import responding, timetable

pytestmark = pytest.mark.django_db
Response = ConsultationResponse

ABOUT_ME = {"respond_as": "individual", "publication": "anonymous"}


def respond_url(consultation, step=None):
    return consultation.url + (f"respond/{step}/" if step else "respond/")


def form_data(answers=COMPLETE_ANSWERS, action="continue", **more):
    return {**answers, **ABOUT_ME, "action": action, **more}


def copies(mailoutbox):
    return [m for m in mailoutbox if m.subject.startswith("Your ")]


def test_a_member_responds_on_one_page_and_gets_a_copy(
    client, member, consultation, mailoutbox
):
    client.force_login(member)
    page = client.get(respond_url(consultation))
    assert page.status_code == 200
    content = page.content.decode()
    assert "How often do you use these statistics?" in content
    assert "Which breakdowns do you need? (optional)" in content
    assert 'data-maxlength="500"' in content

    done = client.post(respond_url(consultation), form_data())
    response = Response.objects.get(user=member)
    assert done.url == consultation.url + f"response/{response.pk}/"
    assert response.status == Response.Status.SUBMITTED
    assert response.answers == COMPLETE_ANSWERS
    assert response.publication == "anonymous"
    [copy] = copies(mailoutbox)
    assert copy.to == [member.email]
    assert "We would lose the monthly signal" in copy.body
    assert "Region; Age" in copy.body
    assert "The outcome is due by" in copy.body
    assert "Response submitted" in client.get(done.url).content.decode()


def test_errors_keep_every_answer_and_save_nothing(client, member, consultation):
    client.force_login(member)
    answers = {**COMPLETE_ANSWERS, "how-often": "", "impact": "x" * 501}
    page = client.post(respond_url(consultation), form_data(answers))
    assert page.status_code == 400
    content = page.content.decode()
    assert "There is a problem" in content
    assert "Select an answer to ‘How often do you use these statistics?’" in content
    assert "must be 500 characters or fewer" in content
    assert 'href="#id_how-often_0"' in content
    # What they typed and ticked is still there.
    assert "x" * 501 in content
    assert 'value="Region" checked' in content
    assert 'value="Disagree" checked' in content
    assert not Response.objects.exists()


def test_an_option_that_was_never_offered_is_refused(client, member, consultation):
    client.force_login(member)
    answers = {**COMPLETE_ANSWERS, "how-often": "Hourly"}
    page = client.post(respond_url(consultation), form_data(answers))
    assert page.status_code == 400
    assert "Select one of the answers to" in page.content.decode()
    assert not Response.objects.exists()


def test_responding_for_an_organisation_needs_its_name(client, member, consultation):
    client.force_login(member)
    page = client.post(respond_url(consultation), form_data(respond_as="organisation"))
    assert page.status_code == 400
    assert "Enter the organisation you are responding for" in page.content.decode()


def test_a_draft_is_saved_with_gaps_and_comes_back(client, member, consultation):
    client.force_login(member)
    partial = {"how-often": "Every month"}
    saved = client.post(respond_url(consultation), {**partial, "action": "draft"})
    assert saved.url == consultation.url
    response = Response.objects.get(user=member)
    assert response.status == Response.Status.DRAFT
    assert response.answers == partial

    page = client.get(consultation.url).content.decode()
    assert "Continue your response" in page
    again = client.get(respond_url(consultation)).content.decode()
    assert 'value="Every month" checked' in again


def test_one_page_per_section_walks_the_steps(client, member, consultation, mailoutbox):
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        one_page_per_section=True
    )
    client.force_login(member)
    first = client.get(respond_url(consultation))
    assert "Step 1 of 3" in first.content.decode()
    assert "What is your job title?" not in first.content.decode()

    step_one = {"how-often": "Every week", "agree-quarterly": "Agree"}
    to_two = client.post(respond_url(consultation), {**step_one, "action": "continue"})
    assert to_two.url == respond_url(consultation, 2)
    step_two = {"impact": "Planning", "breakdowns": ["Sex"]}
    to_three = client.post(to_two.url, {**step_two, "action": "continue"})
    assert to_three.url == respond_url(consultation, 3)
    assert Response.objects.get().status == Response.Status.DRAFT

    done = client.post(to_three.url, {**ABOUT_ME, "action": "continue"})
    response = Response.objects.get()
    assert done.url.endswith(f"response/{response.pk}/")
    assert response.status == Response.Status.SUBMITTED
    assert response.answers == {**step_one, **step_two}
    assert len(copies(mailoutbox)) == 1


def test_submitting_with_an_earlier_step_unanswered_goes_back_to_it(
    client, member, consultation
):
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        one_page_per_section=True
    )
    client.force_login(member)
    client.post(respond_url(consultation, 2), {"impact": "x", "action": "continue"})
    back = client.post(respond_url(consultation, 3), {**ABOUT_ME, "action": "continue"})
    assert back.url == respond_url(consultation, 1) + "?check=1"
    assert Response.objects.get().status == Response.Status.DRAFT
    page = client.get(back.url)
    assert page.status_code == 400
    assert "Select an answer to" in page.content.decode()


def test_a_submitted_response_can_be_changed_until_closing(
    client, member, consultation, mailoutbox
):
    response = ResponseFactory(consultation=consultation, user=member)
    first_submitted = response.submitted_at
    client.force_login(member)
    page = client.get(respond_url(consultation)).content.decode()
    assert "we email you a copy when you submit it again" in page
    assert "Save and come back later" not in page
    # A submitted response cannot be turned back into a draft with gaps.
    blank = client.post(
        respond_url(consultation),
        form_data({**COMPLETE_ANSWERS, "how-often": ""}, action="draft"),
    )
    assert blank.status_code == 400
    response.refresh_from_db()
    assert response.answers == COMPLETE_ANSWERS
    changed = {**COMPLETE_ANSWERS, "agree-quarterly": "Strongly agree"}
    client.post(respond_url(consultation), form_data(changed))
    response.refresh_from_db()
    assert response.answers["agree-quarterly"] == "Strongly agree"
    assert response.submitted_at == first_submitted
    [copy] = copies(mailoutbox)
    assert copy.subject.startswith("Your changed response")

    ConsultationPage.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    late_answers = {**COMPLETE_ANSWERS, "impact": "Written <as> it closed."}
    late = client.post(respond_url(consultation), form_data(late_answers))
    assert late.status_code == 403
    html = late.content.decode()
    assert "It no longer takes responses" in html
    # What they typed is shown back (escaped), so it is not lost.
    assert "Your answers were not saved" in html
    assert "Written &lt;as&gt; it closed." in html
    assert "Region; Age" in html
    response.refresh_from_db()
    assert response.answers["agree-quarterly"] == "Strongly agree"


def test_no_response_before_opening(client, member, labour):
    forthcoming = ConsultationPageFactory(
        parent=labour, opens_at=timezone.now() + timedelta(days=3)
    )
    client.force_login(member)
    for page in [
        client.get(respond_url(forthcoming)),
        client.post(respond_url(forthcoming), form_data()),
    ]:
        assert page.status_code == 403
        assert "You can respond from then" in page.content.decode()
    assert not Response.objects.exists()


def without_nonces(page):
    return re.sub(r'nonce="[^"]*"', "", page.content.decode())


def test_someone_elses_response_answers_as_a_missing_one(client, member, consultation):
    theirs = ResponseFactory(
        consultation=consultation, status="draft", answers={"impact": "Mine"}
    )
    client.force_login(member)
    page = client.get(consultation.url + f"response/{theirs.pk}/")
    missing = client.get(consultation.url + f"response/{theirs.pk + 1000}/")
    # A 403 would confirm the id is somebody's response.
    assert page.status_code == missing.status_code == 404
    # The same page but for the address asked for (in the language switcher).
    assert without_nonces(page).replace(f"/{theirs.pk}/", "/N/") == without_nonces(
        missing
    ).replace(f"/{theirs.pk + 1000}/", "/N/")
    assert "sign in with the account you responded with" in page.content.decode()
    assert "Mine" not in page.content.decode()
    # Responding touches only your own.
    client.post(respond_url(consultation), form_data())
    theirs.refresh_from_db()
    assert theirs.answers == {"impact": "Mine"}
    assert Response.objects.filter(user=member).exists()


def test_signed_out_visitors_are_asked_to_sign_in(client, consultation):
    page = client.get(respond_url(consultation))
    assert page.status_code == 302
    assert page.url.startswith("/accounts/login/")


def test_unverified_members_must_confirm_their_address(client, consultation):
    client.force_login(UserFactory(verified=False))
    client.post(respond_url(consultation), form_data())
    assert not Response.objects.exists()


def test_anyone_may_respond_confirming_by_email(client, consultation, mailoutbox):
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        who_may_respond=ConsultationPage.WhoMayRespond.ANYONE
    )
    missing_email = client.post(respond_url(consultation), form_data(name="Sam Lee"))
    assert missing_email.status_code == 400
    assert "Enter your email address" in missing_email.content.decode()

    client.post(
        respond_url(consultation), form_data(name="Sam Lee", email="sam@example.net")
    )
    response = Response.objects.get()
    assert response.user is None
    assert response.status == Response.Status.UNCONFIRMED
    [ask] = mailoutbox
    assert ask.to == ["sam@example.net"]
    confirm_url = consultation.url + f"confirm/{response.token}/"
    assert confirm_url in ask.body

    assert client.get(consultation.url + "confirm/wrong-token/").status_code == 404
    confirmed = client.get(confirm_url)
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED
    assert confirmed.url.endswith(f"response/{response.pk}/")
    [copy] = copies(mailoutbox)
    assert copy.to == ["sam@example.net"]

    # Later, from another browser, the link in the copy brings Sam back to change it.
    assert confirm_url in copy.body
    client.cookies.clear()
    assert client.get(respond_url(consultation)).context["response"] is None
    client.get(confirm_url)
    form = client.get(respond_url(consultation))
    assert form.context["response"] == response
    assert "We would lose the monthly signal" in form.content.decode()


def test_answers_are_checked_against_the_questions_at_opening(
    client, member, consultation, editor
):
    timetable.open_if_due(consultation)
    response = ResponseFactory(consultation=consultation)
    # An editor rewrites the questions after responses have come in.
    consultation.questions = [
        {
            "type": "section",
            "id": "new-section",
            "value": {
                "heading": "Rewritten",
                "introduction": "",
                "questions": [
                    {
                        "type": "short_text",
                        "id": "new-question",
                        "value": {
                            "question": "A question added later",
                            "help_text": "",
                            "required": True,
                        },
                    }
                ],
            },
        }
    ]
    consultation.save_revision(user=editor).publish(user=editor)
    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    assert consultation.questions_changed_since_opening

    client.force_login(member)
    form = client.get(respond_url(consultation)).content.decode()
    assert "How often do you use these statistics?" in form
    assert "A question added later" not in form
    client.post(respond_url(consultation), form_data())
    assert Response.objects.get(user=member).is_submitted
    # Earlier answers still read against the questions they answered.
    answered = dict(responding.answered(consultation, response)[0][1])
    assert [q.question for q in answered] == [
        "How often do you use these statistics?",
        "Should the statistics be published quarterly?",
    ]


def test_submitting_too_often_is_refused_keeping_the_answers(
    client, member, consultation, mailoutbox
):
    client.force_login(member)
    for _ in range(responding.SUBMISSIONS_PER_HOUR):
        client.post(respond_url(consultation), form_data())
    sent = len(mailoutbox)

    changed = {**COMPLETE_ANSWERS, "impact": "One change too many"}
    refused = client.post(respond_url(consultation), form_data(changed))

    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Try again in" in html
    assert "One change too many" in html
    assert Response.objects.get(user=member).answers == COMPLETE_ANSWERS
    assert len(mailoutbox) == sent


def test_one_address_is_asked_to_confirm_only_a_few_times(
    client, consultation, mailoutbox
):
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        who_may_respond=ConsultationPage.WhoMayRespond.ANYONE
    )
    about_sam = {"name": "Sam Lee", "email": "Sam@Example.net"}
    for _ in range(responding.CONFIRMATIONS_PER_ADDRESS_PER_HOUR):
        # Each from a new browser, as a script clearing its cookies would.
        client.cookies.clear()
        client.post(respond_url(consultation), form_data(**about_sam))
    client.cookies.clear()

    refused = client.post(
        respond_url(consultation), form_data(name="Sam Lee", email="sam@example.net")
    )

    assert refused.status_code == 429
    assert "Try again in" in refused.content.decode()
    assert len(mailoutbox) == responding.CONFIRMATIONS_PER_ADDRESS_PER_HOUR
    assert Response.objects.count() == responding.CONFIRMATIONS_PER_ADDRESS_PER_HOUR


def test_a_members_account_page_lists_their_responses(
    client, member, consultation, labour
):
    ResponseFactory(consultation=consultation, user=member)
    closed = ConsultationPageFactory(
        parent=labour,
        title="Closed before I finished",
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
    )
    ResponseFactory(consultation=closed, user=member, status="draft")
    client.force_login(member)

    content = client.get("/my/").content.decode()

    assert "Your consultation responses" in content
    assert "See your response" in content
    assert "You did not submit your response before the consultation closed" in content


def test_the_account_page_costs_the_same_for_one_response_or_ten(
    client, member, labour
):
    client.force_login(member)
    ResponseFactory(consultation=ConsultationPageFactory(parent=labour), user=member)
    client.get("/my/")
    with CaptureQueriesContext(connection) as one:
        client.get("/my/")
    for _ in range(9):
        ResponseFactory(
            consultation=ConsultationPageFactory(parent=labour),
            user=member,
            status="draft",
        )
    with CaptureQueriesContext(connection) as ten:
        content = client.get("/my/").content.decode()
    assert content.count("Continue your response") == 9
    assert len(ten) == len(one)


def test_an_answer_with_a_control_character_is_refused_and_kept(
    client, member, consultation
):
    client.force_login(member)
    typed = '\x01=HYPERLINK("https://evil.example", "Click")'
    answers = {**COMPLETE_ANSWERS, "impact": typed}
    page = client.post(respond_url(consultation), form_data(answers))
    assert page.status_code == 400
    content = page.content.decode()
    assert "Remove the hidden control character (U+0001)" in content
    assert 'id="id_impact-error"' in content
    assert "\x01=HYPERLINK(" in content
    assert not Response.objects.exists()
