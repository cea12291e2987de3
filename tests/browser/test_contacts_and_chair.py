"""Who to talk to, walked by a visitor (at 320 and 1280 px); a chair's dashboard,
opened by the chair."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from catalogue.factories import StatisticContactFactory, StatisticFactory
from connections.models import ActionItem
from events.factories import EventPageFactory, MinutesPageFactory
from tests.browser.conftest import assert_accessible
from tests.browser.test_account_journeys import sign_in_staff
from themes.factories import ThemeContactFactory, appoint
from themes.models import Role

pytestmark = pytest.mark.browser


def test_a_visitor_finds_whom_to_ask_about_a_statistic(page, housing, health, ons):
    ThemeContactFactory(
        theme=housing,
        organisation=ons,
        name="Amara Dlamini",
        responsible_for="House prices",
    )
    ThemeContactFactory(theme=health, name="Bilal Hussain")
    lfs = StatisticFactory(name="Labour Force Survey", producer=ons, themes=[housing])
    StatisticContactFactory(
        statistic=lfs, name="Priya Shah", email="lfs@ons.example.org"
    )

    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Who to talk to"
    ).click()
    expect(page.get_by_role("heading", level=1, name="Who to talk to")).to_be_visible()
    expect(page.get_by_text("3 contacts")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Theme").select_option(label=housing.title)
    page.get_by_label("Name, role or subject").fill("labour force")
    page.get_by_role("button", name="Apply filters").click()

    expect(page.get_by_text("1 contact", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Priya Shah")).to_be_visible()
    expect(page.get_by_role("heading", name="Bilal Hussain")).to_have_count(0)
    expect(page.get_by_label("Name, role or subject")).to_have_value("labour force")
    expect(page.get_by_role("link", name="lfs@ons.example.org")).to_have_attribute(
        "href", "mailto:lfs@ons.example.org"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Labour Force Survey").click()
    expect(
        page.get_by_role("heading", level=1, name="Labour Force Survey")
    ).to_be_visible()
    expect(
        page.get_by_role("link", name=f"Everyone to talk to at {ons.short_name}")
    ).to_be_visible()


def test_a_chair_sees_what_waits_in_their_theme(page, housing, editor):
    chair = appoint(housing, Role.CHAIR, editor, email="chair@example.org")
    now = timezone.now()
    EventPageFactory(parent=housing, title="Spring users' meeting")
    held = EventPageFactory(
        parent=housing,
        title="Winter users' meeting",
        start=now - timedelta(days=7),
        end=now - timedelta(days=7) + timedelta(hours=2),
    )
    minuted = EventPageFactory(
        parent=housing,
        title="Autumn users' meeting",
        start=now - timedelta(days=60),
        end=now - timedelta(days=60) + timedelta(hours=2),
    )
    ActionItem.objects.create(
        page=MinutesPageFactory(parent=minuted),
        description="Publish rents by region",
        owner="ONS",
        due_date=timezone.localdate() - timedelta(days=3),
    )

    sign_in_staff(page, chair)
    page.goto("/admin/")

    expect(page.get_by_text("Your themes: what is waiting")).to_be_visible()
    expect(page.get_by_role("link", name="Spring users' meeting")).to_be_visible()
    expect(page.get_by_text("1, of which 1 overdue")).to_be_visible()
    expect(page.get_by_text("Publish rents by region")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=f"Write its minutes ({held.title})").click()
    expect(page.get_by_role("textbox", name="Title*")).to_be_visible()
