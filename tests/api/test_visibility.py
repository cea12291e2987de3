"""The API shows what the pages show a visitor, and nothing else: no private or
unpublished theme's content, nothing held, hidden or deleted, no unpublished
response, no email address; authors as the pages name them."""

import json

import pytest
from django.utils import timezone

from accounts.services import delete_account
from consultations.factories import ResponseFactory
from consultations.models import ConsultationResponse
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import Thread
from gaps.models import DataGap

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v2/threads/",
    "/api/v2/data-gaps/",
    "/api/v2/meetings/",
    "/api/v2/consultations/",
    "/api/v2/contacts/",
    "/api/v2/statistics/",
    "/api/v2/pages/?limit=100",
]


def text_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_every_list_shows_the_public_theme_and_nothing_of_a_private_or_unpublished_one(
    client, everything
):
    for path in LISTS:
        found = text_of(client, path)
        assert "Public" in found, path
        assert "Private" not in found, path
        assert "Unpublished" not in found, path


def test_a_private_or_unpublished_themes_things_are_not_there_one_by_one(
    client, everything
):
    for hidden in ("restricted", "unpublished"):
        things = everything[hidden]
        paths = [
            f"/api/v2/threads/{things['thread'].pk}/",
            f"/api/v2/threads/{things['thread'].pk}/replies/",
            f"/api/v2/data-gaps/{things['gap'].pk}/",
            f"/api/v2/meetings/{things['meeting'].pk}/",
            f"/api/v2/consultations/{things['consultation'].pk}/",
            f"/api/v2/consultations/{things['consultation'].pk}/responses/",
            f"/api/v2/pages/{things['meeting'].pk}/",
            f"/api/v2/pages/{things['consultation'].pk}/",
        ]
        for path in paths:
            assert client.get(path).status_code == 404, path


def test_the_pages_api_leaves_out_an_unpublished_themes_sections(client, everything):
    found = json.loads(text_of(client, "/api/v2/pages/?limit=100"))
    titles = {page["title"] for page in found["items"]}
    assert {"Housing", "Public meeting", "Public consultation"} <= titles
    assert not titles & {"Private", "Draft", "Private meeting", "Unpublished meeting"}
    # Housing's sections are there; Draft's are live pages under no live theme.
    sections = [
        p for p in found["items"] if p["meta"]["type"] == "events.MeetingIndexPage"
    ]
    assert len(sections) == 1


def test_the_pages_api_shows_a_meetings_fields_but_not_its_joining_link(
    client, everything
):
    meeting = everything["public"]["meeting"]
    found = json.loads(text_of(client, f"/api/v2/pages/{meeting.pk}/"))
    assert found["format"] == "online"
    assert found["summary"] == meeting.summary
    assert "joining_link" not in found
    assert meeting.joining_link not in json.dumps(found)


def test_held_and_hidden_threads_and_replies_are_left_out(client, everything, newcomer):
    housing = everything["housing"]
    held = forum_services.start_thread(
        newcomer, housing, title="Held thread", body="Wait.", kind="discussion"
    )
    assert not held.is_public
    thread = everything["public"]["thread"]
    forum_services.post_reply(thread, newcomer, "A held reply")
    hidden = ThreadFactory(theme=housing, title="Hidden thread")
    Thread.objects.filter(pk=hidden.pk).update(is_public=False)

    assert "Held thread" not in text_of(client, "/api/v2/threads/")
    assert "Hidden thread" not in text_of(client, "/api/v2/threads/")
    assert client.get(f"/api/v2/threads/{held.pk}/").status_code == 404
    assert client.get(f"/api/v2/threads/{hidden.pk}/replies/").status_code == 404
    replies = text_of(client, f"/api/v2/threads/{thread.pk}/replies/")
    assert "A held reply" not in replies
    assert "Public reply" in replies


def test_a_deleted_reply_is_left_out(client, everything):
    thread = everything["public"]["thread"]
    reply = everything["public"]["reply"]
    forum_services.post_reply(thread, everything["author"], "Answering", reply.pk)
    reply = forum_services.reply_in(thread, reply.pk)  # with its answer counted
    forum_services.delete_reply(thread, reply, reply.user)  # answered: a marker
    found = json.loads(text_of(client, f"/api/v2/threads/{thread.pk}/replies/"))
    assert [r["text"] for r in found["results"]] == ["Answering"]
    assert found["results"][0]["in_reply_to"] == reply.pk


def test_a_held_gap_is_left_out(client, everything):
    gap = everything["public"]["gap"]
    DataGap.objects.filter(pk=gap.pk).update(is_public=False)
    assert "Public gap" not in text_of(client, "/api/v2/data-gaps/")
    assert client.get(f"/api/v2/data-gaps/{gap.pk}/").status_code == 404


def test_only_published_responses_and_only_once_closed(client, everything):
    consultation = everything["public"]["consultation"]
    ResponseFactory(
        consultation=consultation,
        publication=ConsultationResponse.Publication.NOT_PUBLISHED,
        answers={"impact": "Keep this private"},
    )
    ResponseFactory(
        consultation=consultation,
        withheld_at=timezone.now(),
        answers={"impact": "Withheld words"},
    )
    ResponseFactory(
        consultation=consultation,
        status=ConsultationResponse.Status.DRAFT,
        answers={"impact": "Draft words"},
    )
    anonymous = ResponseFactory(
        consultation=consultation,
        publication=ConsultationResponse.Publication.ANONYMOUS,
    )
    found = text_of(client, f"/api/v2/consultations/{consultation.pk}/responses/")
    for secret in ("Keep this private", "Withheld words", "Draft words"):
        assert secret not in found
    records = json.loads(found)["results"]
    assert len(records) == 2
    assert anonymous.user.public_name not in found
    assert "Anonymous respondent" in found


def test_an_open_consultations_responses_are_not_published_yet(client, everything):
    from consultations.factories import ConsultationPageFactory

    open_now = ConsultationPageFactory(parent=everything["housing"], title="Open")
    ResponseFactory(consultation=open_now)
    response = client.get(f"/api/v2/consultations/{open_now.pk}/responses/")
    assert response.status_code == 404
    assert "published after the consultation closes" in response.json()["detail"]


def test_no_email_address_anywhere(client, everything):
    contact = everything["public"]["contact"]
    consultation = everything["public"]["consultation"]
    paths = [
        *LISTS,
        f"/api/v2/pages/{consultation.pk}/",
        f"/api/v2/pages/{everything['housing'].pk}/",
        f"/api/v2/consultations/{consultation.pk}/responses/",
        f"/api/v2/threads/{everything['public']['thread'].pk}/replies/",
        "/api/v2/organisations/",
        f"/api/v2/statistics/{everything['statistic'].pk}/",
    ]
    for path in paths:
        found = text_of(client, path)
        assert "@" not in found, path
    assert everything["statistic"].contacts.get().email
    assert contact.email
    assert consultation.contact_email


def test_authors_appear_as_the_pages_show_them(client, everything):
    thread = everything["public"]["thread"]
    found = json.loads(text_of(client, f"/api/v2/threads/{thread.pk}/replies/"))
    producer = everything["producer"]
    assert found["results"][0]["author"] == {
        "name": producer.public_name,
        "profile_url": f"http://testserver/people/{producer.pk}/",
        "badge": {
            "role": "producer",
            "organisation": "Office for National Statistics",
            "label": "Producer, ONS",
        },
    }


def test_an_erased_member_is_a_former_member_with_no_profile(client, everything):
    author = everything["author"]
    delete_account(author, keep_public_posts=True)
    thread = everything["public"]["thread"]
    found = json.loads(text_of(client, f"/api/v2/threads/{thread.pk}/"))
    assert found["author"] == {
        "name": "A former member",
        "profile_url": None,
        "badge": None,
    }
    assert "Lovelace" not in text_of(client, "/api/v2/threads/")
