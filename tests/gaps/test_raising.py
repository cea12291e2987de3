import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from gaps import services
from gaps.models import DataGap, GapFollow, Status
from gaps.views.gap import GAPS_PER_WINDOW
from themes.models import Role
from themes.services import grant_role

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
GAP = {
    "title": "Overcrowding by local authority",
    "measure": "Overcrowded households as a share of all households.",
    "geography": "Local authority",
    "breakdown": "By tenure",
    "frequency": "Every year, within six months",
    "purpose": "Our housing strategy sets targets by area.",
    "topics": "overcrowding, small areas",
}


@pytest.fixture
def member():
    return UserFactory(sector="academic", display_name="Ada Analyst")


def new_gap_url(theme):
    return reverse("gaps:new_gap", kwargs={"theme_slug": theme.slug})


def similar(client, q, theme=None):
    params = {"q": q, **({"theme": theme.slug} if theme else {})}
    return client.get(reverse("gaps:similar"), params)


def raise_gap(theme, title, author=None):
    return services.raise_gap(
        author or UserFactory(), theme, title=title, measure="A measure", purpose="Work"
    )


def test_a_member_raises_a_gap_with_its_details_sector_and_topics(
    client, housing, member
):
    client.force_login(member)

    response = client.post(new_gap_url(housing), GAP, follow=True)

    gap = DataGap.objects.get()
    assert response.redirect_chain == [(gap.get_absolute_url(), 302)]
    assert gap.theme == housing and gap.author == member
    assert gap.title == GAP["title"] and gap.measure == GAP["measure"]
    assert (gap.geography, gap.breakdown, gap.frequency) == (
        "Local authority",
        "By tenure",
        "Every year, within six months",
    )
    assert gap.purpose == GAP["purpose"]
    assert gap.sector == "academic"
    assert gap.status == Status.RAISED
    assert sorted(t.name for t in gap.topics.all()) == ["overcrowding", "small areas"]
    assert GapFollow.objects.filter(gap=gap, user=member).exists()
    assert "Your data gap is on the register." in response.content.decode()


def test_the_form_says_the_sector_comes_from_the_profile(client, housing, member):
    client.force_login(member)

    html = client.get(new_gap_url(housing)).content.decode()

    assert "Academic or researcher" in html
    assert reverse("edit_profile") in html
    assert 'aria-live="polite"' in html
    assert "js/similar-gaps.js" in html


def test_a_member_without_a_sector_is_asked_to_add_it_to_their_profile(client, housing):
    client.force_login(UserFactory(sector=""))

    html = client.get(new_gap_url(housing)).content.decode()

    assert "add your sector to your profile" in html
    assert f'href="{reverse("edit_profile")}"' in html


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("title", "Enter a title."),
        ("measure", "Say which statistics are missing."),
        ("purpose", "Say what the statistics would inform."),
    ],
)
def test_a_gap_without_a_required_field_is_refused_and_keeps_the_input(
    client, housing, member, missing, message
):
    client.force_login(member)

    response = client.post(new_gap_url(housing), {**GAP, missing: "  "})

    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert html.count(message) == 2  # in the summary and beside the field
    assert "<title>Error: " in html
    kept = [value for name, value in GAP.items() if name != missing]
    assert all(value in html for value in kept)
    assert not DataGap.objects.exists()


@pytest.mark.parametrize(
    ("field", "limit"), [("title", 150), ("measure", 2000), ("geography", 300)]
)
def test_over_long_text_is_refused_and_kept(client, housing, member, field, limit):
    client.force_login(member)
    too_long = "x" * (limit + 1)

    response = client.post(new_gap_url(housing), {**GAP, field: too_long})

    html = response.content.decode()
    assert response.status_code == 400
    assert f"at most {limit} characters" in html
    assert too_long in html
    assert not DataGap.objects.exists()


def test_visitors_and_unverified_members_cannot_raise_gaps(client, housing):
    response = client.get(new_gap_url(housing))
    assert response.url.startswith(reverse("account_login"))
    response = client.post(new_gap_url(housing), GAP)
    assert response.url.startswith(reverse("account_login"))

    client.force_login(UserFactory(verified=False))
    client.post(new_gap_url(housing), GAP)

    assert not DataGap.objects.exists()


def test_a_member_raising_too_often_waits_and_keeps_the_text(client, housing, member):
    client.force_login(member)
    for n in range(GAPS_PER_WINDOW):
        response = client.post(new_gap_url(housing), {**GAP, "title": f"Gap {n}"})
        assert response.status_code == 302

    response = client.post(new_gap_url(housing), {**GAP, "title": "One gap too many"})

    html = response.content.decode()
    assert response.status_code == 429
    assert "Try again in" in html
    assert "One gap too many" in html
    assert DataGap.objects.count() == GAPS_PER_WINDOW


def test_a_suspended_member_cannot_raise_a_gap(client, housing):
    suspended = UserFactory(suspended_until=timezone.now() + timezone.timedelta(days=2))
    client.force_login(suspended)

    response = client.post(new_gap_url(housing), GAP)

    assert response.status_code == 403
    assert "suspended you from taking part" in response.content.decode()
    assert not DataGap.objects.exists()


def test_no_gap_can_be_raised_in_an_unpublished_theme(client, housing, member):
    housing.unpublish()
    client.force_login(member)

    assert client.get(new_gap_url(housing)).status_code == 404
    assert client.post(new_gap_url(housing), GAP).status_code == 404
    assert not DataGap.objects.exists()


def test_hostile_text_is_stored_intact_and_shown_harmless(client, housing, member):
    client.force_login(member)

    client.post(
        new_gap_url(housing),
        {**GAP, "title": HOSTILE, "measure": HOSTILE, "purpose": HOSTILE},
    )

    gap = DataGap.objects.get()
    assert gap.title == HOSTILE
    html = client.get(gap.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "<img" not in html


# Similar gaps, suggested while the title is typed


def test_a_gap_whose_title_starts_like_the_typing_is_suggested(client, housing):
    gap = raise_gap(housing, "Overcrowding by local authority")
    raise_gap(housing, "Rents by ward")

    response = similar(client, "overcrow", housing)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Is your need already here? Support it instead." in html
    assert gap.get_absolute_url() in html
    assert "Rents by ward" not in html
    assert "1 person needs this" in html
    assert "Raised" in html


def test_suggestions_count_the_people_who_need_a_gap(client, housing):
    gap = raise_gap(housing, "Overcrowding by local authority")
    services.support(gap, UserFactory())
    services.support(gap, UserFactory())

    html = similar(client, "overcrowding", housing).content.decode()

    assert "3 people need this" in html


def test_a_differently_worded_title_still_finds_gaps_sharing_its_key_words(
    client, housing
):
    gap = raise_gap(housing, "Overcrowding by local authority")

    html = similar(client, "Local overcrowding figures for Wales", housing)

    assert gap.get_absolute_url() in html.content.decode()


def test_suggestions_keep_to_the_theme_asked_for(client, housing, health):
    raise_gap(health, "Overcrowded hospital wards")
    ours = raise_gap(housing, "Overcrowded homes")

    in_housing = similar(client, "overcrowded", housing).content.decode()
    everywhere = similar(client, "overcrowded").content.decode()

    assert "Overcrowded hospital wards" not in in_housing
    assert ours.get_absolute_url() in in_housing
    assert "Overcrowded hospital wards" in everywhere
    assert "Health" in everywhere  # the theme is named when it is not implied


def test_duplicates_and_gaps_in_unpublished_themes_are_not_suggested(
    client, housing, health, editor
):
    original = raise_gap(housing, "Overcrowded homes")
    duplicate = raise_gap(housing, "Overcrowded households")
    raise_gap(health, "Overcrowded hospital wards")
    producer = UserFactory()
    grant_role(housing, producer, Role.PRODUCER, granted_by=editor, tell=False)
    services.change_status(
        duplicate,
        producer,
        status=Status.DUPLICATE,
        note="Same need.",
        duplicate_of=original,
    )
    health.unpublish()

    html = similar(client, "overcrowded").content.decode()

    assert "Overcrowded homes" in html
    assert "Overcrowded households" not in html
    assert "Overcrowded hospital wards" not in html


@pytest.mark.parametrize("q", ["", "   "])
def test_an_empty_query_gives_an_empty_fragment(client, housing, q):
    raise_gap(housing, "Overcrowded homes")

    response = similar(client, q, housing)

    assert response.status_code == 200
    assert response.content.decode().strip() == ""


def test_an_unknown_theme_gives_an_empty_fragment(client, housing):
    raise_gap(housing, "Overcrowded homes")

    response = client.get(reverse("gaps:similar"), {"q": "overcrowded", "theme": "x"})

    assert response.content.decode().strip() == ""


def test_a_refused_form_shows_the_similar_gaps_without_javascript(
    client, housing, member
):
    gap = raise_gap(housing, "Overcrowding by local authority")
    client.force_login(member)

    response = client.post(
        new_gap_url(housing), {**GAP, "title": "Overcrowding", "measure": ""}
    )

    assert response.status_code == 400
    assert gap.get_absolute_url() in response.content.decode()
