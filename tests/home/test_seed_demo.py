import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from events.models import ActionItem, EventPage, MeetingRegistration, MinutesPage
from forums.models import Thread
from gaps.models import DataGap, GapUpdate
from home.models import HomePage, StandardPage
from themes.models import Organisation, ThemeContact, ThemePage

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("seed_demo")

    assert not User.objects.exists()


def test_seed_demo_builds_the_demo_site(settings, client):
    settings.DEBUG = True

    call_command("seed_demo", stdout=None)

    assert ThemePage.objects.live().count() >= 6
    assert {"health-and-social-care", "migration", "travel-and-tourism"} <= set(
        ThemePage.objects.values_list("slug", flat=True)
    )
    assert ThemeContact.objects.count() >= 12
    assert (
        Organisation.objects.filter(acronym__in=["ONS", "NISRA", "DHSC"]).count() == 3
    )
    assert set(StandardPage.objects.live().values_list("slug", flat=True)) >= {
        "about",
        "code-of-conduct",
        "accessibility",
        "privacy",
    }
    assert Thread.objects.filter(is_public=True).count() >= 12
    assert EventPage.objects.live().count() >= 3
    assert MeetingRegistration.objects.filter(status="waiting").exists()
    minutes = MinutesPage.objects.live()
    assert minutes.count() >= 2
    assert ActionItem.objects.filter(page__in=minutes, status="open").exists()
    assert ActionItem.objects.filter(thread__isnull=False).exists()
    statuses = set(DataGap.objects.values_list("status", flat=True))
    assert statuses == {status.value for status in DataGap.Status}
    assert DataGap.objects.filter(support_count__gte=2).exists()
    assert GapUpdate.objects.filter(to_status="duplicate").exists()
    housing = client.get("/themes/housing-and-planning/").content.decode()
    assert "Publish a timetable for modelled local estimates" in housing
    assert (
        "Overcrowding and damp by local authority"
        in client.get("/data-gaps/").content.decode()
    )
    assert Thread.objects.filter(
        answer__isnull=False, answered_by__acronym="ONS"
    ).exists()
    assert Thread.objects.filter(kind="question", answer__isnull=True).exists()
    editor = User.objects.get(email="editor@example.org")
    assert editor.has_perm("wagtailadmin.access_admin")
    assert not User.objects.get(email="member@example.org").has_perm(
        "wagtailadmin.access_admin"
    )
    assert client.login(email="member@example.org", password="statsforum-demo")
    assert client.get("/").status_code == 200
    assert client.get("/themes/migration/").status_code == 200


def test_seed_demo_run_again_changes_nothing_that_exists(settings, monkeypatch):
    settings.DEBUG = True
    call_command("seed_demo")
    theme = ThemePage.objects.get(slug="migration")
    theme.title = "Migration (edited)"
    theme.save_revision().publish()
    counts = (ThemePage.objects.count(), User.objects.count(), HomePage.objects.count())

    monkeypatch.setenv("DEMO_PASSWORD", "a-different-password")
    call_command("seed_demo")

    assert ThemePage.objects.get(slug="migration").title == "Migration (edited)"
    assert counts == (
        ThemePage.objects.count(),
        User.objects.count(),
        HomePage.objects.count(),
    )
    assert User.objects.get(email="member@example.org").check_password(
        "statsforum-demo"
    )
