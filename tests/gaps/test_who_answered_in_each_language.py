"""A timeline entry says who answered (the role and organisation they answered for,
as it was then) in each reader's language, whichever language they wrote in: on the
gap's page, in its feed and in the emails about it."""

import pytest
from django.utils import translation

from accounts.factories import OrganisationFactory, UserFactory
from demo.welsh import translate_snippet
from gaps import services
from gaps.feeds import gap_feed_url
from gaps.models import Status
from tests.feeds import parsed
from tests.in_welsh import page_in_welsh
from themes.factories import appoint
from themes.models import Role

pytestmark = pytest.mark.django_db

ENGLISH = "Welsh Government, Statistics producer"
CYMRAEG = "Llywodraeth Cymru, Cynhyrchydd ystadegau"


@pytest.fixture
def government(welsh):
    government = OrganisationFactory(name="Welsh Government", acronym="")
    translate_snippet(government, welsh, {"name": "Llywodraeth Cymru"})
    return government


@pytest.fixture
def producer(housing, editor, government):
    return appoint(housing, Role.PRODUCER, editor, government)


@pytest.fixture
def gap(housing):
    return services.raise_gap(
        UserFactory(),
        housing,
        title="Overcrowding by ward",
        measure="Overcrowded households.",
        purpose="Our housing strategy.",
    )


def acknowledge(gap, user, language="en-gb"):
    with translation.override(language):
        return services.change_status(
            gap, user, status=Status.ACKNOWLEDGED, note="Seen."
        )


def test_a_producers_answer_reads_in_welsh_on_the_welsh_page(client, gap, producer):
    acknowledge(gap, producer)

    english = client.get(gap.get_absolute_url()).content.decode()
    cymraeg = page_in_welsh(client, gap.get_absolute_url())

    assert ENGLISH in english
    assert CYMRAEG not in english
    assert CYMRAEG in cymraeg
    assert ENGLISH not in cymraeg


def test_an_answer_given_on_a_welsh_page_reads_in_english_on_the_english_one(
    client, gap, producer
):
    acknowledge(gap, producer, language="cy")

    english = client.get(gap.get_absolute_url()).content.decode()

    assert ENGLISH in english
    assert CYMRAEG not in english


def test_the_label_is_kept_as_it_was_when_the_organisation_is_renamed_since(
    client, gap, producer, government
):
    acknowledge(gap, producer)
    government.name = "Cabinet of Wales"
    government.save()
    producer.theme_roles.all().delete()

    assert ENGLISH in client.get(gap.get_absolute_url()).content.decode()
    assert CYMRAEG in page_in_welsh(client, gap.get_absolute_url())


def test_an_editor_and_a_chair_without_an_organisation_are_named_in_welsh(
    client, gap, editor, housing
):
    chair = appoint(housing, Role.CHAIR, editor)
    acknowledge(gap, editor)
    services.change_status(gap, chair, status=Status.UNDER_ASSESSMENT, note="On it.")

    cymraeg = page_in_welsh(client, gap.get_absolute_url())

    assert "· Golygydd" in cymraeg
    assert "· Cadeirydd y fforwm" in cymraeg
    assert "Forum chair" not in cymraeg


def test_an_organisation_without_a_welsh_name_keeps_its_english_one(
    client, gap, editor, housing
):
    office = OrganisationFactory(name="Office for Lonely Figures", acronym="")
    producer = appoint(housing, Role.PRODUCER, editor, office)
    acknowledge(gap, producer)

    cymraeg = page_in_welsh(client, gap.get_absolute_url())

    assert "Office for Lonely Figures, Cynhyrchydd ystadegau" in cymraeg


def test_the_gaps_feed_names_its_author_in_the_feeds_language(client, gap, producer):
    acknowledge(gap, producer)

    english = parsed(client, gap_feed_url(gap))
    cymraeg = parsed(client, "/cy" + gap_feed_url(gap))

    assert english.entries[0].author == ENGLISH
    assert cymraeg.entries[0].author == CYMRAEG


def test_each_reader_is_emailed_who_answered_and_the_statuses_in_their_language(
    gap, producer, mailoutbox
):
    cymro = UserFactory(email_language="cy")
    sais = UserFactory(email_language="en-gb")
    for member in (cymro, sais):
        services.follow(gap, member)

    # Made on a Welsh page: the English reader still reads English.
    acknowledge(gap, producer, language="cy")

    by_reader = {message.to[0]: message for message in mailoutbox}
    welsh_email, english_email = by_reader[cymro.email], by_reader[sais.email]
    assert f"Ysgrifennodd {CYMRAEG}:" in welsh_email.body
    assert ENGLISH not in welsh_email.body
    assert "Acknowledged" not in welsh_email.subject
    assert f"{ENGLISH} wrote:" in english_email.body
    assert CYMRAEG not in english_email.body
    assert english_email.subject == "Acknowledged: Overcrowding by ward"
    assert "moved from raised to acknowledged" in english_email.body
