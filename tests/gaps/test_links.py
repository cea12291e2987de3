import pytest

from accounts.factories import UserFactory
from connections.models import ActionItem
from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from gaps import services
from themes import services as theme_services
from themes.factories import ThemePageFactory
from themes.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(migration):
    return migration


@pytest.fixture
def gap(theme):
    return services.raise_gap(
        UserFactory(), theme, title="Local migration", measure="M", purpose="P"
    )


@pytest.fixture
def producer(theme, editor):
    producer = UserFactory()
    theme_services.grant_role(
        theme, producer, Role.PRODUCER, granted_by=editor, tell=False
    )
    return producer


def links_url(gap):
    return f"/themes/migration/data-gaps/{gap.pk}/links/"


def test_a_producer_links_a_thread_and_a_meeting_which_link_back(
    client, theme, gap, producer
):
    thread = ThreadFactory(theme=theme, title="Where are local figures?")
    meeting = EventPageFactory(parent=theme, title="Spring meeting")
    client.force_login(producer)

    response = client.post(
        links_url(gap), {"threads": [thread.pk], "meetings": [meeting.pk]}
    )

    assert response.status_code == 302
    assert [link.thread for link in gap.thread_links.all()] == [thread]
    assert "Local migration" in client.get(thread.get_absolute_url()).content.decode()
    assert "Local migration" in client.get(meeting.url).content.decode()

    client.post(links_url(gap), {})

    assert not gap.thread_links.exists() and not gap.meeting_links.exists()


def test_only_the_themes_threads_and_meetings_can_be_linked(
    client, theme, theme_index, gap, producer
):
    elsewhere = ThreadFactory(theme=ThemePageFactory(parent=theme_index))
    client.force_login(producer)

    response = client.post(links_url(gap), {"threads": [elsewhere.pk]})

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not gap.thread_links.exists()


def test_members_and_other_themes_producers_cannot_link(
    client, theme_index, gap, editor
):
    other = ThemePageFactory(parent=theme_index)
    outsider = UserFactory()
    theme_services.grant_role(
        other, outsider, Role.PRODUCER, granted_by=editor, tell=False
    )
    for user in [UserFactory(), outsider]:
        client.force_login(user)
        assert client.post(links_url(gap), {}).status_code == 403
    client.logout()
    assert client.get(links_url(gap)).status_code == 302


def test_an_action_from_the_minutes_links_its_gap(client, theme, gap):
    minutes = MinutesPageFactory(parent=EventPageFactory(parent=theme))
    ActionItem.objects.create(
        page=minutes, description="Publish local figures", owner="X", data_gap=gap
    )

    for url in [minutes.url, theme.url]:
        page = client.get(url).content.decode()
        assert "Data gap: Local migration" in page
        assert gap.get_absolute_url() in page


def test_a_minutes_action_chooses_its_gap_through_the_chooser(
    client, editor, theme, gap
):
    minutes = MinutesPageFactory(parent=EventPageFactory(parent=theme))
    client.force_login(editor)

    page = client.get(f"/admin/pages/{minutes.pk}/edit/").content.decode()
    results = client.get("/admin/data_gap_chooser/results/", {"q": "local"})

    assert "/admin/data_gap_chooser/" in page
    assert "Local migration" in results.content.decode()
