"""A public theme with one of everything the API lists, and a private and an
unpublished theme with the same, which it must never show."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts.factories import OrganisationFactory, UserFactory
from catalogue.factories import StatisticContactFactory, StatisticFactory
from consultations.factories import ConsultationPageFactory, ResponseFactory
from events.factories import EventPageFactory
from forums import services as forum_services
from forums.factories import ThreadFactory
from gaps import services as gap_services
from themes.factories import ThemeContactFactory, ThemePageFactory, appoint
from themes.models import Role


def everything_in(theme, *, name, author, producer=None):
    """One of each kind of content in `theme`, titled with `name`."""
    thread = ThreadFactory(
        theme=theme, author=author, title=f"{name} thread", kind="question"
    )
    reply = forum_services.post_reply(thread, producer or author, f"{name} reply")
    gap = gap_services.raise_gap(
        author, theme, title=f"{name} gap", measure="M", purpose="P"
    )
    meeting = EventPageFactory(parent=theme, title=f"{name} meeting")
    now = timezone.now()
    consultation = ConsultationPageFactory(
        parent=theme,
        title=f"{name} consultation",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=2),
    )
    response = ResponseFactory(consultation=consultation)
    contact = ThemeContactFactory(theme=theme, name=f"{name} contact")
    return {
        "thread": thread,
        "reply": reply,
        "gap": gap,
        "meeting": meeting,
        "consultation": consultation,
        "response": response,
        "contact": contact,
    }


@pytest.fixture
def everything(theme_index, editor):
    """Everything in a public theme (housing), a private one and an unpublished one."""
    return build_everything(theme_index, editor)


def build_everything(theme_index, editor):
    housing = ThemePageFactory(parent=theme_index, title="Housing", slug="housing")
    private = ThemePageFactory(parent=theme_index, title="Private", slug="private")
    draft = ThemePageFactory(parent=theme_index, title="Draft", slug="draft")
    ons = OrganisationFactory(name="Office for National Statistics", acronym="ONS")
    producer = appoint(housing, Role.PRODUCER, editor, ons, first_name="Pat")
    author = UserFactory(first_name="Ada", last_name="Lovelace", display_name="")
    found = {
        "housing": housing,
        "private": private,
        "draft": draft,
        "ons": ons,
        "producer": producer,
        "author": author,
        "public": everything_in(
            housing, name="Public", author=author, producer=producer
        ),
        "restricted": everything_in(private, name="Private", author=author),
        "unpublished": everything_in(draft, name="Unpublished", author=author),
    }
    # A statistic is public wherever it belongs: only its public themes show.
    found["statistic"] = StatisticFactory(
        name="Public statistic", producer=ons, themes=[housing, private, draft]
    )
    StatisticContactFactory(statistic=found["statistic"], name="Statistic contact")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    draft.unpublish()
    return found
