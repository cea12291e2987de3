import pytest
from django.urls import reverse

from events.factories import EventPageFactory, MinutesPageFactory
from forums.factories import ThreadFactory
from themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def threads(theme_index, editor):
    theme = ThemePageFactory(parent=theme_index)
    return [
        ThreadFactory(theme=theme, title=title)
        for title in ["Local housing estimates", "Bus reliability outside London"]
    ]


def test_editors_choose_a_thread_by_searching_its_title(client, editor, threads):
    client.force_login(editor)

    response = client.get(reverse("thread_chooser:choose_results"), {"q": "housing"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Local housing estimates" in page
    assert "Bus reliability" not in page


def test_hidden_threads_cannot_be_chosen(client, editor, threads):
    threads[0].is_public = False
    threads[0].save()
    client.force_login(editor)

    response = client.get(reverse("thread_chooser:choose_results"))

    assert "Local housing estimates" not in response.content.decode()
    assert "Bus reliability outside London" in response.content.decode()


def test_a_minutes_action_links_its_thread_through_the_chooser(
    client, editor, theme_index
):
    theme = ThemePageFactory(parent=theme_index)
    minutes = MinutesPageFactory(parent=EventPageFactory(parent=theme))
    client.force_login(editor)

    page = client.get(reverse("wagtailadmin_pages:edit", args=[minutes.pk]))

    assert reverse("thread_chooser:choose") in page.content.decode()
