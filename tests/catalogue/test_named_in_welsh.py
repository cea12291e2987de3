"""Organisations and statistics are named in Welsh wherever a Welsh page or email
names them: filters, badges, roll-ups, the dashboard and the emails. A translation is
no organisation of its own: its id leads to the row of record, or is refused."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.factories import OrganisationFactory, UserFactory
from accounts.forms import ProfileForm
from catalogue import services as catalogue_services
from catalogue.factories import StatisticContactFactory, StatisticFactory
from consultations.factories import ConsultationPageFactory
from demo.welsh import translate_snippet
from forums import notifications as forum_notifications
from forums import services as forum_services
from forums.factories import ThreadFactory
from forums.models import Thread
from forums.templatetags.forum_tags import people_list
from gaps.factories import DataGapFactory
from gaps.models import Status
from tests.in_welsh import in_welsh, page_in_welsh, text_of
from themes import services as theme_services
from themes.admin_forms import ThemeRoleCreateForm
from themes.factories import ThemeContactFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.django_db

GOVERNMENT = "Welsh Government"
LLYWODRAETH = "Llywodraeth Cymru"
LFS_IN_WELSH = "Arolwg o'r Llafurlu"


@pytest.fixture
def government(db):
    # No acronym: its short name is its name, so badges show the words.
    return OrganisationFactory(name=GOVERNMENT, acronym="")


@pytest.fixture
def llywodraeth(government, welsh):
    return translate_snippet(government, welsh, {"name": LLYWODRAETH})


@pytest.fixture
def welsh_lfs(lfs, welsh):
    return translate_snippet(lfs, welsh, {"name": LFS_IN_WELSH})


@pytest.fixture
def government_producer(housing, editor, government):
    return appoint(housing, Role.PRODUCER, editor, government, first_name="Gwen")


@pytest.fixture
def answered(housing, government_producer, llywodraeth):
    """A question in housing, answered by the Welsh Government's producer."""
    thread = ThreadFactory(
        theme=housing, title="Rents by ward", kind=Thread.Kind.QUESTION
    )
    reply = forum_services.post_reply(
        thread, government_producer, "See table 4.", tell=False
    )
    forum_services.mark_answer(thread, reply, marked_by=government_producer, tell=False)
    thread.refresh_from_db()
    return thread


def in_both(client, path):
    return client.get(path).content.decode(), page_in_welsh(client, path)


def queries(send, path):
    with CaptureQueriesContext(connection) as captured:
        assert send(path).status_code == 200
    return len(captured)


# 1. The statistics list


def test_the_statistics_list_offers_producers_by_their_welsh_names(
    client, lfs, ons, welsh
):
    translate_snippet(ons, welsh, {"name": "Swyddfa Ystadegau Gwladol"})

    english, cymraeg = in_both(client, "/statistics/")

    assert f'value="{ons.pk}">Swyddfa Ystadegau Gwladol (ONS)</option>' in cymraeg
    assert "Office for National Statistics (ONS)</option>" not in cymraeg
    assert "Office for National Statistics (ONS)</option>" in english


def test_welsh_choices_are_in_the_order_of_their_welsh_names(
    client, lfs, ons, government, llywodraeth, welsh
):
    StatisticFactory(name="National Survey for Wales", producer=government)
    translate_snippet(ons, welsh, {"name": "Swyddfa Ystadegau Gwladol"})

    english, cymraeg = in_both(client, "/statistics/")

    # Office... before Welsh Government; Llywodraeth... before Swyddfa...
    assert english.index("Office for National") < english.index(GOVERNMENT + "</")
    assert cymraeg.index(LLYWODRAETH + "</") < cymraeg.index("Swyddfa Ystadegau")


def test_welsh_choices_follow_the_welsh_alphabet_where_ll_comes_after_ly(
    client, lfs, government, llywodraeth, welsh
):
    library = OrganisationFactory(name="National Library of Wales", acronym="")
    translate_snippet(library, welsh, {"name": "Lyfrgell Genedlaethol Cymru"})
    StatisticFactory(name="Library loans", producer=library)
    StatisticFactory(name="National Survey for Wales", producer=government)

    cymraeg = page_in_welsh(client, "/statistics/")

    # By their letters alone, Llywodraeth would come first (l before y).
    assert cymraeg.index("Lyfrgell Genedlaethol Cymru</") < cymraeg.index(
        LLYWODRAETH + "</"
    )


def test_the_contacts_and_gaps_filters_offer_organisations_by_their_welsh_names(
    client, housing, lfs, welsh_lfs, government, llywodraeth
):
    StatisticContactFactory(statistic=lfs)
    ThemeContactFactory(theme=housing, organisation=government)
    DataGapFactory(theme=housing, owner_organisation=government)

    contacts = page_in_welsh(client, "/contacts/")
    register = page_in_welsh(client, "/data-gaps/")

    assert f">{LLYWODRAETH}</option>" in contacts
    assert f">{LFS_IN_WELSH}</option>" in contacts
    assert GOVERNMENT not in contacts
    assert f">{LLYWODRAETH}</option>" in register
    assert GOVERNMENT not in register


# 2. The search


def test_the_search_offers_and_shows_organisations_and_statistics_in_welsh(
    client, lfs, welsh_lfs, answered, llywodraeth
):
    english, cymraeg = in_both(client, "/search/?query=Labour")

    assert f">{LLYWODRAETH}</option>" in cymraeg
    assert f">{GOVERNMENT}</option>" not in cymraeg
    assert f">{GOVERNMENT}</option>" in english
    assert LFS_IN_WELSH in cymraeg
    assert LFS_IN_WELSH not in english
    # The producer's badge on the answer.
    badged = page_in_welsh(client, "/search/?query=table")
    assert LLYWODRAETH in badged
    assert GOVERNMENT not in badged


def test_the_search_offers_organisations_in_the_order_of_their_welsh_names(
    client, ons, government, llywodraeth, welsh
):
    translate_snippet(ons, welsh, {"name": "Swyddfa Ystadegau Gwladol"})

    english, cymraeg = in_both(client, "/search/")

    assert english.index(">Office for National") < english.index(f">{GOVERNMENT}<")
    assert cymraeg.index(f">{LLYWODRAETH}<") < cymraeg.index(">Swyddfa Ystadegau")


def test_a_welsh_search_costs_the_same_however_many_results_are_translated(
    client, housing, welsh, editor
):
    def budget():
        in_welsh(client.get, "/search/?query=Survey")
        return queries(lambda p: in_welsh(client.get, p), "/search/?query=Survey")

    first = StatisticFactory(name="Survey 0", themes=[housing])
    translate_snippet(first, welsh, {"name": "Arolwg 0"})
    one = budget()
    for i in range(1, 6):
        statistic = StatisticFactory(name=f"Survey {i}", themes=[housing])
        translate_snippet(statistic, welsh, {"name": f"Arolwg {i}"})

    assert budget() == one


# 3. A thread


def test_a_thread_names_who_answered_and_the_producers_badge_in_welsh(client, answered):
    english, cymraeg = in_both(client, answered.get_absolute_url())

    assert f"gan {LLYWODRAETH}" in cymraeg
    assert f"Cynhyrchydd, {LLYWODRAETH}" in cymraeg
    assert GOVERNMENT not in cymraeg
    assert f"by {GOVERNMENT}" in english


def test_the_thread_list_names_who_answered_in_welsh_at_one_cost(
    client, housing, editor, welsh, answered
):
    path = reverse("forums:threads", kwargs={"theme_slug": housing.slug})
    english, cymraeg = in_both(client, path)
    assert LLYWODRAETH in cymraeg
    assert GOVERNMENT not in cymraeg
    assert GOVERNMENT in english

    welsh_get = lambda p: in_welsh(client.get, p)  # noqa: E731
    one = queries(welsh_get, path)
    for i in range(3):
        organisation = OrganisationFactory(acronym="")
        translate_snippet(organisation, welsh, {"name": f"C {i}"})
        producer = appoint(housing, Role.PRODUCER, editor, organisation)
        thread = ThreadFactory(theme=housing, kind=Thread.Kind.QUESTION)
        reply = forum_services.post_reply(thread, producer, "Yes.", tell=False)
        forum_services.mark_answer(thread, reply, marked_by=producer, tell=False)

    assert queries(welsh_get, path) == one


def test_a_members_organisation_is_named_in_welsh_on_the_members_list_and_profile(
    client, housing, editor, government, llywodraeth
):
    member = appoint(housing, Role.PRODUCER, editor, government)
    member.organisation = government
    member.save()
    theme_services.join_theme(member, housing)
    client.force_login(member)
    path = housing.url + "members/"

    english, cymraeg = in_both(client, path)
    profile = page_in_welsh(client, member.get_absolute_url())

    assert LLYWODRAETH in cymraeg
    assert GOVERNMENT not in cymraeg
    assert GOVERNMENT in english
    assert LLYWODRAETH in profile
    assert GOVERNMENT not in profile
    # The list finds its members' organisations in Welsh at once.
    welsh_get = lambda p: in_welsh(client.get, p)  # noqa: E731
    one = queries(welsh_get, path)
    for i in range(3):
        organisation = OrganisationFactory()
        translate_snippet(organisation, llywodraeth.locale, {"name": f"Corff {i}"})
        theme_services.join_theme(UserFactory(organisation=organisation), housing)
    assert queries(welsh_get, path) == one


# 4. You said, we did


def test_the_themes_you_said_we_did_names_the_owner_in_welsh(
    client, housing, government, llywodraeth
):
    DataGapFactory(
        theme=housing,
        owner_organisation=government,
        status=Status.MET,
        last_moved_at=timezone.now(),
    )

    english, cymraeg = in_both(client, housing.url)

    assert LLYWODRAETH in cymraeg
    assert GOVERNMENT not in cymraeg
    assert GOVERNMENT in english


def test_the_figures_you_said_we_did_names_who_answered_in_welsh(
    client, housing, answered
):
    english, cymraeg = in_both(client, f"{housing.url}figures/")

    assert LLYWODRAETH in cymraeg
    assert GOVERNMENT not in cymraeg


# 5. Get involved


def test_get_involved_says_who_asks_in_welsh(client, housing, government, llywodraeth):
    ConsultationPageFactory(parent=housing, contact_organisation=government)

    english, cymraeg = in_both(client, "/get-involved/")

    assert LLYWODRAETH in cymraeg
    assert GOVERNMENT not in cymraeg
    assert f"Asked by {GOVERNMENT}" in english


# 6. The dashboard


def test_the_dashboard_names_a_members_organisations_in_welsh(
    client, government_producer, llywodraeth
):
    client.force_login(government_producer)

    english, cymraeg = in_both(client, "/my/")

    assert LLYWODRAETH in cymraeg
    assert GOVERNMENT not in cymraeg
    assert GOVERNMENT in english


# 7. Emails


def test_a_welsh_email_about_a_new_thread_names_the_statistic_in_welsh(
    housing, lfs, welsh_lfs, mailoutbox
):
    cymro = UserFactory(email_language="cy")
    sais = UserFactory(email_language="en-gb")
    for member in (cymro, sais):
        catalogue_services.follow(lfs, member)
    thread = ThreadFactory(theme=housing, title="Rhanbarthau")
    thread.statistics.set([lfs])

    forum_notifications.tell_followers_of_statistics(thread.pk)

    by_reader = {message.to[0]: message for message in mailoutbox}
    assert LFS_IN_WELSH in by_reader[cymro.email].subject
    assert LFS_IN_WELSH in by_reader[cymro.email].body
    assert "Labour Force Survey" not in by_reader[cymro.email].body
    assert "Labour Force Survey" in by_reader[sais.email].subject


def test_the_inbox_names_a_followed_statistic_in_the_pages_language(
    client, housing, lfs, welsh_lfs
):
    member = UserFactory()
    catalogue_services.follow(lfs, member)
    thread = ThreadFactory(theme=housing, title="Rhanbarthau")
    thread.statistics.set([lfs])
    forum_notifications.tell_followers_of_statistics(thread.pk)
    client.force_login(member)

    english, cymraeg = in_both(client, "/my/notifications/")

    assert "About Labour Force Survey: Rhanbarthau" in english
    assert LFS_IN_WELSH in cymraeg
    assert "in_languages" not in english + cymraeg


def test_a_welsh_email_says_which_organisation_answered_in_welsh(
    housing, government_producer, llywodraeth, mailoutbox
):
    asker = UserFactory(email_language="cy")
    thread = ThreadFactory(theme=housing, author=asker, kind=Thread.Kind.QUESTION)
    reply = forum_services.post_reply(thread, government_producer, "Yes.", tell=False)
    mailoutbox.clear()

    forum_services.mark_answer(thread, reply, marked_by=government_producer)

    [message] = [m for m in mailoutbox if m.to == [asker.email]]
    assert LLYWODRAETH in message.body
    assert GOVERNMENT not in message.body


# 8. A translation is no organisation of its own


def test_a_translations_figures_address_leads_to_the_organisation_of_record(
    client, government, llywodraeth
):
    path = reverse("figures:organisation", kwargs={"pk": llywodraeth.pk})

    english = client.get(path)
    cymraeg = in_welsh(client.get, path)

    assert english.status_code == 301
    assert english.url == reverse("figures:organisation", kwargs={"pk": government.pk})
    assert cymraeg.status_code == 301
    assert cymraeg.url == f"/cy/organisations/{government.pk}/figures/"
    assert LLYWODRAETH in text_of(in_welsh(client.get, cymraeg.url[3:]))


def test_a_translations_id_is_no_filter_of_the_contacts_or_the_search(
    client, government, llywodraeth
):
    contacts = client.get("/contacts/", {"organisation": llywodraeth.pk})
    search = client.get("/search/", {"organisation": llywodraeth.pk})
    of_record = client.get("/search/", {"organisation": government.pk})

    assert contacts.status_code == search.status_code == 200
    assert not contacts.context["filtered"]
    assert search.context["form"].filters().organisation_id is None
    assert of_record.context["form"].filters().organisation_id == government.pk


def test_an_editor_cannot_appoint_a_producer_for_a_translation(
    housing, editor, government, llywodraeth
):
    member = UserFactory()
    data = {
        "theme": housing.pk,
        "member_email": member.email,
        "role": Role.PRODUCER,
        "job_title": "Statistician",
    }

    hostile = ThemeRoleCreateForm(data={**data, "organisation": llywodraeth.pk})
    of_record = ThemeRoleCreateForm(data={**data, "organisation": government.pk})

    assert "organisation" in hostile.errors
    assert "organisation" not in of_record.errors


def test_a_member_cannot_choose_a_translation_as_their_organisation(
    government, llywodraeth
):
    member = UserFactory()
    fields = {"first_name": "Ann", "last_name": "Jones", "sector": "public"}

    with translation.override("cy"):
        form = ProfileForm(
            data={**fields, "organisation": llywodraeth.pk}, instance=member
        )
        offered = [label for _value, label in form.fields["organisation"].choices]

    assert "organisation" in form.errors
    assert f"{LLYWODRAETH}" in offered
    assert GOVERNMENT not in offered


# 9. "a" and "ac"


@pytest.mark.parametrize(
    ("last", "joined"),
    [
        ("Ifan", "Ann ac Ifan"),
        ("Owain", "Ann ac Owain"),
        ("Ysgol", "Ann ac Ysgol"),
        ("Bob", "Ann a Bob"),
        ("William", "Ann a William"),
        ("Yasmin", "Ann a Yasmin"),
    ],
)
def test_welsh_writes_ac_before_a_vowel(last, joined):
    people = [UserFactory.build(display_name=name) for name in ("Ann", last)]

    with translation.override("cy"):
        assert people_list(people) == joined
    with translation.override("en-gb"):
        assert people_list(people) == f"Ann and {last}"
