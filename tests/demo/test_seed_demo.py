import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from accounts.models import Organisation, User
from catalogue.models import Statistic, StatisticContact
from connections.models import ActionItem
from consultations.models import ConsultationPage, ConsultationResponse
from core.translation import of_record
from events.models import EventPage, MeetingRegistration, MinutesPage
from figures.models import SatisfactionAsk
from forums.models import Thread
from gaps.models import DataGap, GapUpdate
from home.models import HomePage, StandardPage
from tests.in_welsh import page_in_welsh
from themes.models import ThemeContact, ThemePage

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
        of_record(Organisation.objects)
        .filter(acronym__in=["ONS", "NISRA", "DHSC"])
        .count()
        == 3
    )
    # Welsh snippets: ONS's name and the waiting times statistic, on a Welsh page.
    assert "Swyddfa Ystadegau Gwladol" in Organisation.objects.filter(
        acronym="ONS"
    ).values_list("name", flat=True)
    waiting = page_in_welsh(
        client, "/statistics/nhs-referral-to-treatment-waiting-times/"
    )
    assert "Amseroedd aros y GIG o atgyfeirio i driniaeth (RTT)" in waiting
    assert "GIG Lloegr" in waiting
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
    # Statistics of every theme, named by what the demo says about them (the
    # themes of record: a Welsh translation shows its English theme's).
    assert not of_record(ThemePage.objects).filter(statistics=None).exists()
    ehs = Statistic.objects.get(slug="english-housing-survey")
    assert ehs.producer.acronym == "MHCLG"
    assert ehs.threads.exists() and ehs.data_gaps.exists()
    assert ehs.consultation_links.exists() and ehs.meeting_links.exists()
    assert ehs.action_items.filter(page__live=True).exists()
    page = client.get(ehs.get_absolute_url()).content.decode()
    assert "Hannah Okafor" in page
    assert "Publish a timetable for modelled local estimates" in page


def test_seed_demo_adds_a_consultation_in_each_state_and_emails_no_one(
    settings, client
):
    settings.DEBUG = True

    call_command("seed_demo", stdout=None)

    consultations = ConsultationPage.objects.live()
    states = sorted(page.state for page in consultations)
    assert states == ["closed", "closed", "forthcoming", "open", "outcome"]
    closed = [page for page in consultations if page.state == "closed"]
    assert [page.outcome_is_overdue for page in closed].count(True) == 1
    outcome = consultations.get(outcome_date__isnull=False)
    assert outcome.outcome_summary and outcome.outcome_changes
    # Opened ones answer against their frozen questions, as if opened on time.
    for page in consultations:
        assert bool(page.opened_at) == (page.state != "forthcoming")
        assert not page.questions_changed_since_opening
        kinds = {question.kind for question in page.all_questions}
        assert len(page.sections) == 2
        assert kinds == {
            "short_text",
            "long_text",
            "single_choice",
            "multiple_choice",
            "agreement",
        }
    responses = ConsultationResponse.objects.submitted()
    for page in consultations:
        assert responses.filter(consultation=page).count() >= (
            3 if page.state != "forthcoming" else 0
        )
    assert {r.publication for r in responses} == {"named", "anonymous", "not_published"}
    assert {r.respond_as for r in responses} == {"individual", "organisation"}
    assert consultations.filter(gap_links__isnull=False).count() == 1
    assert consultations.filter(thread_links__isnull=False).count() == 1
    assert mail.outbox == []
    # People answered whether the outcomes met their need; most said yes.
    answered = SatisfactionAsk.objects.filter(answered_at__isnull=False)
    assert answered.count() >= 3
    assert answered.filter(satisfied=True).count() > answered.count() / 2
    listing = client.get("/consultations/").content.decode()
    assert "Labour market overview: publishing quarterly" in listing


def test_seed_demo_run_again_changes_nothing_that_exists(settings, monkeypatch):
    settings.DEBUG = True
    call_command("seed_demo")
    theme = ThemePage.objects.get(slug="migration")
    theme.title = "Migration (edited)"
    theme.save_revision().publish()
    counts = demo_counts()

    monkeypatch.setenv("DEMO_PASSWORD", "a-different-password")
    call_command("seed_demo")

    assert ThemePage.objects.get(slug="migration").title == "Migration (edited)"
    assert demo_counts() == counts
    assert User.objects.get(email="member@example.org").check_password(
        "statsforum-demo"
    )


def demo_counts():
    """How many of each kind of thing seed_demo makes."""
    return {
        model.__name__: model.objects.count()
        for model in [
            ThemePage,
            ThemeContact,
            Organisation,
            User,
            HomePage,
            StandardPage,
            Thread,
            EventPage,
            MeetingRegistration,
            MinutesPage,
            ActionItem,
            DataGap,
            GapUpdate,
            ConsultationPage,
            ConsultationResponse,
            Statistic,
            StatisticContact,
            SatisfactionAsk,
        ]
    }
