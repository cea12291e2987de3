"""Statistics people can point at: a visitor browses them, a member names one
when starting a thread (with JavaScript and without), a producer imports their
list in the admin."""

import pytest
from playwright.sync_api import expect

from accounts.factories import OrganisationFactory, UserFactory
from catalogue.factories import StatisticContactFactory, StatisticFactory
from catalogue.models import Statistic
from demo.welsh import translate_snippet
from forums.factories import ThreadFactory
from forums.models import Thread
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import PASSWORD, sign_in, sign_in_staff
from themes import services as theme_services
from themes.factories import ThemePageFactory
from themes.models import Role

pytestmark = pytest.mark.browser

CSV = (
    "name,slug,producer_id,description,status,cadence,next_release,themes,"
    "producer_url\n"
    "Annual Population Survey,,APS,Employment by local authority,official,annual,"
    "2027-04-17,housing,https://www.ons.gov.uk/aps\n"
)


@pytest.fixture
def housing(theme_index):
    return ThemePageFactory(
        parent=theme_index, title="Housing and planning", slug="housing"
    )


@pytest.fixture
def ons(db):
    return OrganisationFactory(name="Office for National Statistics", acronym="ONS")


@pytest.fixture
def ehs(housing, ons):
    statistic = StatisticFactory(
        name="English Housing Survey",
        producer=OrganisationFactory(
            name="Ministry of Housing, Communities and Local Government",
            acronym="MHCLG",
        ),
        status=Statistic.Status.ACCREDITED,
        themes=[housing],
    )
    StatisticContactFactory(statistic=statistic, name="Hannah Okafor")
    return statistic


def test_a_visitor_browses_statistics_and_reads_what_was_said_about_one(
    page, housing, ehs, ons
):
    StatisticFactory(name="Labour Force Survey", producer=ons)
    thread = ThreadFactory(theme=housing, title="Local estimates from the EHS?")
    thread.statistics.add(ehs)

    page.goto("/statistics/")
    expect(page.get_by_role("heading", level=1, name="Statistics")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Status").select_option(label="Accredited official statistics")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Labour Force Survey")).to_have_count(0)
    page.get_by_role("link", name="English Housing Survey").click()

    expect(
        page.get_by_role("heading", level=1, name="English Housing Survey")
    ).to_be_visible()
    expect(page.get_by_text("Hannah Okafor")).to_be_visible()
    expect(
        page.get_by_role("link", name="Local estimates from the EHS?")
    ).to_be_visible()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text(
        "Statistics"
    )
    assert_accessible(page)


def start_a_thread_naming(page, statistic_label):
    page.goto("/themes/housing/discussions/new/")
    page.get_by_label("A question for the producers").check()
    page.get_by_label("Title").fill("Will the EHS publish local estimates?")
    page.get_by_label("Your message").fill("Councils need them for strategies.")
    page.get_by_label(statistic_label).check()
    page.get_by_role("button", name="Post").click()


def test_a_member_names_a_statistic_when_starting_a_thread(page, housing, ehs):
    UserFactory(email="laura@example.org")

    sign_in(page, "laura@example.org")
    page.goto("/themes/housing/discussions/new/")
    expect(page.get_by_role("group", name="Which statistics")).to_be_visible()
    assert_accessible(page)
    start_a_thread_naming(page, "English Housing Survey (MHCLG)")

    expect(
        page.get_by_role("heading", level=1, name="Will the EHS publish")
    ).to_be_visible()
    page.goto(ehs.get_absolute_url())
    expect(
        page.get_by_role("link", name="Will the EHS publish local estimates?")
    ).to_be_visible()
    assert list(Thread.objects.get().statistics.all()) == [ehs]


def test_a_keyboard_user_chooses_statistics_by_typing_part_of_their_names(
    page, housing, ehs, ons
):
    labour = StatisticFactory(
        name="Labour Force Survey", producer=ons, themes=[housing]
    )
    StatisticFactory(name="Annual Population Survey", producer=ons, themes=[housing])
    UserFactory(email="kofi@example.org")

    sign_in(page, "kofi@example.org")
    page.goto("/themes/housing/discussions/new/")
    page.get_by_label("A question for the producers").check()
    page.get_by_label("Title").fill("Housing tenure in the LFS and the EHS")
    page.get_by_label("Your message").fill("Why do their tenure figures differ?")
    finder = page.get_by_label("Find a statistic")
    finder.press_sequentially("labour")
    statistics = page.get_by_role("group", name="Which statistics")
    expect(statistics.get_by_role("checkbox")).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text("1 statistic shown")
    assert_accessible(page)
    page.keyboard.press("Tab")
    expect(statistics.get_by_label("Labour Force Survey (ONS)")).to_be_focused()
    page.keyboard.press("Space")

    # Enter chooses the one statistic that matches, and does not send the form.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("english hous")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(
        "English Housing Survey (MHCLG) chosen"
    )
    expect(finder).to_have_value("")
    # What is chosen stays in the list, whatever is typed.
    finder.press_sequentially("annual")
    expect(statistics.get_by_role("checkbox", checked=True)).to_have_count(2)
    expect(statistics.get_by_role("checkbox")).to_have_count(3)
    finder.press_sequentially(" nothing like it")
    expect(statistics.get_by_role("checkbox")).to_have_count(2)
    expect(page.get_by_role("status")).to_have_text("2 statistics shown")

    page.get_by_role("button", name="Post").focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", level=1, name="Housing tenure in the LFS")
    ).to_be_visible()
    assert set(Thread.objects.get().statistics.all()) == {ehs, labour}


def test_without_javascript_a_member_names_a_statistic_too(
    browser, live_server, housing, ehs
):
    UserFactory(email="sam@example.org")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, "sam@example.org", PASSWORD)
        start_a_thread_naming(page, "English Housing Survey (MHCLG)")
        expect(
            page.get_by_role("heading", level=1, name="Will the EHS publish")
        ).to_be_visible()
    finally:
        context.close()
    assert list(Thread.objects.get().statistics.all()) == [ehs]


def test_a_producer_previews_and_imports_their_list_in_the_admin(
    page, housing, ons, editor, tmp_path
):
    producer = UserFactory(email="producer@example.org", two_factor=True)
    theme_services.grant_role(
        housing,
        producer,
        Role.PRODUCER,
        granted_by=editor,
        organisation=ons,
        tell=False,
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV.replace("annual", "hourly"), encoding="utf-8")
    good = tmp_path / "ons.csv"
    good.write_text(CSV, encoding="utf-8")

    sign_in_staff(page, producer)
    page.goto("/admin/snippets/catalogue/statistic/")
    page.get_by_role("link", name="Import from CSV").click()
    page.get_by_label("Producer").select_option(label=str(ons))
    page.get_by_label("CSV file").set_input_files(bad)
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("'hourly' is not one of")).to_be_visible()
    expect(page.get_by_role("button", name="Import these statistics")).to_have_count(0)
    assert_accessible(page)

    page.get_by_label("Producer").select_option(label=str(ons))
    page.get_by_label("CSV file").set_input_files(good)
    page.get_by_role("button", name="Preview the import").click()
    expect(page.locator("#import-preview")).to_contain_text("Added")
    assert_accessible(page)
    page.get_by_role("button", name="Import these statistics").click()

    expect(page.get_by_text("1 added, 0 updated, 0 unchanged")).to_be_visible()
    assert Statistic.objects.get().producer == ons


def test_a_welsh_reader_reads_a_statistic_in_welsh_and_an_untranslated_one_in_english(
    page, housing, ons, welsh
):
    lfs = StatisticFactory(name="Labour Force Survey", producer=ons, themes=[housing])
    StatisticFactory(name="English Housing Survey", themes=[housing])
    translate_snippet(ons, welsh, {"name": "Swyddfa Ystadegau Gwladol"})
    translate_snippet(
        lfs,
        welsh,
        {"name": "Arolwg o'r Llafurlu", "description": "Arolwg o aelwydydd."},
    )

    page.goto("/cy/statistics/")
    expect(page.get_by_role("link", name="English Housing Survey")).to_be_visible()
    page.get_by_role("link", name="Arolwg o'r Llafurlu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Arolwg o'r Llafurlu")
    expect(page.get_by_text("Arolwg o aelwydydd.")).to_be_visible()
    expect(page.get_by_text("Swyddfa Ystadegau Gwladol").first).to_be_visible()
    assert_accessible(page)
