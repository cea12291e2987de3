from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.factories import UserFactory
from gaps import services
from gaps.forms import TriageForm
from gaps.models import NEXT_STATUSES, DataGap, GapFollow, GapSupport, Status
from themes.factories import (
    ThemeContactFactory,
    appoint,
)
from themes.models import Role

pytestmark = pytest.mark.django_db

NOTE = "We publish this from the Census; a local authority table is planned."


@pytest.fixture
def producer(health, editor, ons):
    return appoint(health, Role.PRODUCER, editor, ons)


@pytest.fixture
def chair(health, editor):
    return appoint(health, Role.CHAIR, editor)


@pytest.fixture
def author():
    return UserFactory(first_name="Asha", last_name="Khan")


def raise_one(author, theme, title="GP waiting times by practice"):
    return services.raise_gap(
        author,
        theme,
        title=title,
        measure="Waiting times for a GP appointment, for each practice.",
        purpose="Planning primary care in our integrated care board.",
    )


@pytest.fixture
def gap(author, health):
    return raise_one(author, health)


def at_status(gap, status):
    DataGap.objects.filter(pk=gap.pk).update(status=status)
    gap.refresh_from_db()
    return gap


def triage_url(gap):
    return reverse("gaps:triage", kwargs={"theme_slug": gap.theme.slug, "pk": gap.pk})


def post_triage(client, gap, **data):
    return client.post(triage_url(gap), {"note": NOTE, **data})


# Every move the register allows, and none it does not


CHAIN = [
    Status.ACKNOWLEDGED,
    Status.UNDER_ASSESSMENT,
    Status.PLANNED,
    Status.IN_PROGRESS,
    Status.MET,
]


def test_a_producer_moves_a_gap_along_the_whole_chain_to_met(client, producer, gap):
    client.force_login(producer)

    for status in CHAIN:
        response = post_triage(client, gap, status=status)

        assert response.status_code == 302, status
        assert response.url == gap.get_absolute_url()
        gap.refresh_from_db()
        assert gap.status == status
    assert [update.to_status for update in gap.updates.all()] == [
        Status.RAISED,
        *CHAIN,
    ]


@pytest.mark.parametrize(
    "closed", [Status.MET, Status.PARTLY_MET, Status.NOT_FEASIBLE, Status.DUPLICATE]
)
def test_a_gap_in_progress_can_close_every_way(client, producer, gap, author, closed):
    other = raise_one(author, gap.theme, title="GP appointments by practice")
    at_status(gap, Status.IN_PROGRESS)
    client.force_login(producer)

    response = post_triage(client, gap, status=closed, duplicate_of=other.pk)

    assert response.status_code == 302
    gap.refresh_from_db()
    assert gap.status == closed
    assert gap.duplicate_of == (other if closed == Status.DUPLICATE else None)


def test_every_allowed_move_works_in_the_service(producer, gap, author):
    original = raise_one(author, gap.theme, title="GP appointments by practice")
    for before, afters in NEXT_STATUSES.items():
        for after in afters:
            at_status(gap, before)

            moved = services.change_status(
                gap, producer, status=after, note=NOTE, duplicate_of=original
            )

            assert moved.status == after, (before, after)


def test_every_impossible_move_is_refused_with_a_message_and_changes_nothing(
    producer, gap, mailoutbox
):
    for before in Status:
        for after in set(Status) - set(NEXT_STATUSES[before]):
            at_status(gap, before)

            with pytest.raises(ValidationError) as refusal:
                services.change_status(gap, producer, status=after, note=NOTE)

            assert "status" in refusal.value.message_dict, (before, after)
            gap.refresh_from_db()
            assert gap.status == before
    assert gap.updates.count() == 1  # only "raised"
    assert not mailoutbox


def test_a_status_jump_that_makes_no_sense_is_refused_on_the_page(
    client, producer, gap
):
    client.force_login(producer)

    response = post_triage(client, gap, status=Status.IN_PROGRESS)

    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Choose one of the statuses offered" in html
    assert NOTE in html  # what they typed is kept
    gap.refresh_from_db()
    assert gap.status == Status.RAISED
    assert gap.first_response_at is None


def test_the_service_explains_why_a_jump_is_refused(producer, gap):
    with pytest.raises(ValidationError) as refusal:
        services.change_status(gap, producer, status=Status.PLANNED, note=NOTE)

    assert refusal.value.message_dict["status"] == [
        "A gap that is raised cannot become planned."
    ]


def test_a_duplicate_cannot_change_again(producer, gap, author):
    original = raise_one(author, gap.theme, title="GP appointments by practice")
    services.change_status(
        gap, producer, status=Status.DUPLICATE, note=NOTE, duplicate_of=original
    )

    with pytest.raises(ValidationError) as refusal:
        services.change_status(gap, producer, status=Status.ACKNOWLEDGED, note=NOTE)

    assert refusal.value.message_dict["status"] == [
        "A gap that is duplicate cannot change any more."
    ]


def test_the_form_offers_only_the_moves_that_make_sense(client, producer, gap):
    client.force_login(producer)

    response = client.get(triage_url(gap))

    html = response.content.decode()
    assert response.status_code == 200
    offered = [
        value for value, _ in response.context["triage_form"]["status"].field.choices
    ]
    assert offered == [status.value for status in NEXT_STATUSES[Status.RAISED]]
    assert 'value="planned"' not in html
    assert 'value="acknowledged"' in html
    assert "Only for the status Duplicate" in html


def test_the_duplicate_choice_is_left_out_when_a_duplicate_is_impossible(gap):
    form = TriageForm(gap=at_status(gap, Status.MET))

    assert "duplicate_of" not in form.fields
    assert [value for value, _ in form.fields["status"].choices] == ["acknowledged"]


# Bad input


@pytest.mark.parametrize("note", ["", "   \n  "])
def test_a_change_without_a_note_is_refused_and_keeps_the_choice(
    client, producer, gap, note, mailoutbox
):
    client.force_login(producer)

    response = client.post(
        triage_url(gap), {"status": Status.ACKNOWLEDGED, "note": note}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Write a note saying why: members will read it." in html
    assert 'href="#id_note"' in html  # the error summary links to the field
    assert 'value="acknowledged" checked' in html
    gap.refresh_from_db()
    assert gap.status == Status.RAISED
    assert gap.updates.count() == 1
    assert not mailoutbox


def test_the_service_refuses_a_change_without_a_note(producer, gap):
    with pytest.raises(ValidationError) as refusal:
        services.change_status(gap, producer, status=Status.ACKNOWLEDGED, note=" ")

    assert "note" in refusal.value.message_dict


def test_a_duplicate_without_the_gap_it_duplicates_is_refused(client, producer, gap):
    client.force_login(producer)

    response = post_triage(client, gap, status=Status.DUPLICATE)

    assert response.status_code == 400
    assert "Choose the gap this one duplicates." in response.content.decode()
    gap.refresh_from_db()
    assert gap.status == Status.RAISED


def test_a_gap_cannot_duplicate_one_in_another_theme(producer, gap, author, housing):
    elsewhere = raise_one(author, housing, title="GP waiting times")

    with pytest.raises(ValidationError) as refusal:
        services.change_status(
            gap, producer, status=Status.DUPLICATE, note=NOTE, duplicate_of=elsewhere
        )

    assert "duplicate_of" in refusal.value.message_dict


def test_a_contact_from_another_theme_is_refused(producer, gap, housing):
    contact = ThemeContactFactory(theme=housing)

    with pytest.raises(ValidationError) as refusal:
        services.change_status(
            gap,
            producer,
            status=Status.ACKNOWLEDGED,
            note=NOTE,
            owner_contact=contact,
        )

    assert "owner_contact" in refusal.value.message_dict
    gap.refresh_from_db()
    assert gap.owner_contact is None


def test_an_unreadable_target_date_is_refused(client, producer, gap):
    client.force_login(producer)

    response = post_triage(
        client, gap, status=Status.ACKNOWLEDGED, target_date="next spring"
    )

    assert response.status_code == 400
    assert "Enter the target date as day/month/year." in response.content.decode()


# Who may triage


def test_a_producer_of_another_theme_is_refused(client, gap, housing, editor):
    client.force_login(appoint(housing, Role.PRODUCER, editor))

    get = client.get(triage_url(gap))
    post = post_triage(client, gap, status=Status.ACKNOWLEDGED)

    assert get.status_code == 403
    assert post.status_code == 403
    gap.refresh_from_db()
    assert gap.status == Status.RAISED
    assert gap.updates.count() == 1


def test_the_service_refuses_a_producer_of_another_theme(gap, housing, editor):
    with pytest.raises(PermissionDenied):
        services.change_status(
            gap,
            appoint(housing, Role.PRODUCER, editor),
            status=Status.ACKNOWLEDGED,
            note=NOTE,
        )


def test_a_member_is_refused(client, gap, health):
    member = UserFactory()
    client.force_login(member)

    response = post_triage(client, gap, status=Status.ACKNOWLEDGED)

    assert response.status_code == 403
    gap.refresh_from_db()
    assert gap.status == Status.RAISED


def test_the_author_cannot_triage_their_own_gap(client, gap, author):
    client.force_login(author)

    assert post_triage(client, gap, status=Status.MET).status_code == 403


def test_a_visitor_is_asked_to_sign_in(client, gap):
    response = post_triage(client, gap, status=Status.ACKNOWLEDGED)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    gap.refresh_from_db()
    assert gap.status == Status.RAISED


def test_a_chair_may_triage(client, chair, gap):
    client.force_login(chair)

    response = post_triage(client, gap, status=Status.UNDER_ASSESSMENT)

    assert response.status_code == 302
    gap.refresh_from_db()
    assert gap.status == Status.UNDER_ASSESSMENT
    assert gap.updates.last().shown_author_label == "Forum chair"


def test_an_editor_may_triage_any_theme(client, editor, gap):
    client.force_login(editor)

    response = post_triage(client, gap, status=Status.NOT_FEASIBLE)

    assert response.status_code == 302
    gap.refresh_from_db()
    assert gap.status == Status.NOT_FEASIBLE
    assert gap.updates.last().shown_author_label == "Editor"


# What a change records


def test_the_timeline_entry_says_who_answered_for_which_organisation(producer, gap):
    services.change_status(gap, producer, status=Status.ACKNOWLEDGED, note=NOTE)

    update = gap.updates.last()
    assert update.author == producer
    assert (
        update.shown_author_label
        == "Office for National Statistics, Statistics producer"
    )
    assert update.from_status == Status.RAISED
    assert update.to_status == Status.ACKNOWLEDGED
    assert update.note == NOTE


def test_the_first_response_is_kept_and_later_moves_are_dated(producer, gap):
    services.change_status(gap, producer, status=Status.ACKNOWLEDGED, note=NOTE)
    gap.refresh_from_db()
    first = gap.first_response_at

    services.change_status(gap, producer, status=Status.PLANNED, note=NOTE)

    gap.refresh_from_db()
    assert first is not None
    assert gap.first_response_at == first
    assert gap.last_moved_at > first


def test_ownership_is_saved_with_the_change(client, producer, gap, ons):
    contact = ThemeContactFactory(theme=gap.theme, organisation=ons)
    client.force_login(producer)

    response = post_triage(
        client,
        gap,
        status=Status.ACKNOWLEDGED,
        owner_organisation=ons.pk,
        owner_contact=contact.pk,
        target_date="31/3/2027",
    )

    assert response.status_code == 302
    gap.refresh_from_db()
    assert gap.owner_organisation == ons
    assert gap.owner_contact == contact
    assert gap.target_date == date(2027, 3, 31)


def test_the_form_starts_with_the_ownership_already_set(client, producer, gap, ons):
    DataGap.objects.filter(pk=gap.pk).update(
        owner_organisation=ons, target_date=date(2027, 3, 31)
    )
    client.force_login(producer)

    html = client.get(triage_url(gap)).content.decode()

    assert f'<option value="{ons.pk}" selected>' in html
    assert 'value="31/03/2027"' in html


def test_every_change_is_in_the_audit_log(client, producer, gap):
    client.force_login(producer)

    post_triage(client, gap, status=Status.ACKNOWLEDGED)

    entry = ModelLogEntry.objects.get(action="gaps.change_status")
    assert entry.object_id == str(gap.pk)
    assert entry.user == producer
    assert entry.data["from_status"] == "raised"
    assert entry.data["to_status"] == "acknowledged"
    assert entry.data["note"] == NOTE
    assert entry.message == (
        "Changed the status of a data gap from raised to acknowledged"
    )


def test_a_refused_change_is_not_logged(producer, gap):
    with pytest.raises(ValidationError):
        services.change_status(gap, producer, status=Status.MET, note="")

    assert not ModelLogEntry.objects.filter(action="gaps.change_status").exists()


# Who is told


def test_the_author_supporters_and_followers_are_emailed_the_note(
    client, producer, gap, author, mailoutbox
):
    supporter, follower = UserFactory(), UserFactory()
    services.support(gap, supporter, use_case="Commissioning")
    services.follow(gap, follower)
    services.follow(gap, producer)  # the person who changes it is not told
    client.force_login(producer)

    response = post_triage(client, gap, status=Status.ACKNOWLEDGED)

    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [author.email, supporter.email, follower.email]
    )
    message = mailoutbox[0]
    assert message.subject == "Acknowledged: GP waiting times by practice"
    assert NOTE in message.body
    assert "moved from raised to acknowledged" in message.body
    assert gap.get_full_url() in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "We publish this from the Census" in html
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Status changed to Acknowledged. 3 people have been told."
    ]


def test_someone_who_has_switched_the_emails_off_is_not_emailed(
    producer, gap, author, mailoutbox
):
    from accounts.notifications import Frequency, get_kind, set_frequency

    set_frequency(author, get_kind("data_gap_update"), Frequency.OFF, gap.theme)

    services.change_status(gap, producer, status=Status.ACKNOWLEDGED, note=NOTE)

    assert not mailoutbox


def test_demo_data_can_move_a_gap_without_emailing_anyone(producer, gap, mailoutbox):
    services.change_status(
        gap, producer, status=Status.ACKNOWLEDGED, note=NOTE, tell=False
    )

    assert not mailoutbox
    assert gap.updates.last().note == NOTE


def test_the_service_sets_nothing_but_the_ownership_fields(producer, gap):
    with pytest.raises(TypeError):
        services.change_status(
            gap, producer, status=Status.ACKNOWLEDGED, note=NOTE, author=producer
        )

    gap.refresh_from_db()
    assert gap.status == Status.RAISED


# Duplicates


@pytest.fixture
def original(health, editor):
    return raise_one(UserFactory(), health, title="GP appointment waits")


def test_a_duplicate_moves_its_supporters_and_followers_to_the_original(
    producer, gap, author, original
):
    both, only_duplicate, only_original = UserFactory(), UserFactory(), UserFactory()
    follower = UserFactory()
    services.support(original, both)
    services.support(original, only_original)
    services.support(gap, both)
    services.support(gap, only_duplicate, use_case="Our own use", show_name=True)
    services.follow(gap, follower)

    services.change_status(
        gap, producer, status=Status.DUPLICATE, note=NOTE, duplicate_of=original
    )

    original.refresh_from_db()
    gap.refresh_from_db()
    supporters = set(original.supports.values_list("user", flat=True))
    # The duplicate's author now backs the original: their need still counts.
    assert supporters == {both.pk, only_original.pk, only_duplicate.pk, author.pk}
    assert original.support_count == 4
    moved = original.supports.get(user=only_duplicate)
    assert (moved.use_case, moved.show_name) == ("Our own use", True)
    assert original.supports.get(user=author).use_case == gap.purpose
    assert gap.support_count == 0
    assert not gap.supports.exists()
    assert gap.duplicate_of == original
    followers = set(original.follows.values_list("user", flat=True))
    assert {follower.pk, author.pk, only_duplicate.pk} <= followers


def test_the_originals_author_does_not_become_a_supporter_of_their_own_gap(
    producer, gap, original
):
    services.support(gap, original.author)

    services.change_status(
        gap, producer, status=Status.DUPLICATE, note=NOTE, duplicate_of=original
    )

    original.refresh_from_db()
    assert not GapSupport.objects.filter(gap=original, user=original.author).exists()
    assert original.support_count == 1  # the duplicate's author


def test_everyone_on_a_duplicate_is_told_where_their_support_went(
    producer, gap, author, original, mailoutbox
):
    supporter = UserFactory()
    services.support(gap, supporter)
    # A supporter who stopped following is still told, as supporters always are.
    GapFollow.objects.filter(gap=gap, user=supporter).delete()

    services.change_status(
        gap, producer, status=Status.DUPLICATE, note=NOTE, duplicate_of=original
    )

    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [author.email, supporter.email]
    )
    message = mailoutbox[0]
    assert message.subject == "Duplicate: GP waiting times by practice"
    assert "has been closed as a duplicate" in message.body
    assert "your support has moved to that gap" in message.body
    assert original.get_full_url() in message.body
    assert original.title in message.body
    assert NOTE in message.body


def test_a_duplicate_cannot_point_at_itself_or_at_another_duplicate(
    producer, gap, original, author
):
    third = raise_one(author, gap.theme, title="Practice-level waits")
    at_status(third, Status.DUPLICATE)

    for target in [gap, third]:
        with pytest.raises(ValidationError) as refusal:
            services.change_status(
                gap, producer, status=Status.DUPLICATE, note=NOTE, duplicate_of=target
            )
        assert "duplicate_of" in refusal.value.message_dict


def test_the_duplicate_choice_lists_only_other_gaps_of_the_theme(
    gap, original, author, housing
):
    raise_one(author, housing, title="Housing waiting lists")
    closed = at_status(raise_one(author, gap.theme, title="Closed"), Status.DUPLICATE)

    choices = list(TriageForm(gap=gap).fields["duplicate_of"].queryset)

    assert choices == [original]
    assert closed not in choices


def test_the_gap_page_offers_the_triage_form_to_its_producers(client, producer, gap):
    client.force_login(producer)

    html = client.get(gap.get_absolute_url()).content.decode()

    assert f'action="{triage_url(gap)}"' in html
    assert 'name="duplicate_of"' in html


def test_the_gap_page_has_no_triage_form_for_members(client, gap):
    client.force_login(UserFactory())

    html = client.get(gap.get_absolute_url()).content.decode()

    assert triage_url(gap) not in html
