"""What the API refuses, and how: writing (405), a filter that is no option (400,
saying which and why), what is not there or not public (404), too many requests
(429 with Retry-After)."""

import pytest

pytestmark = pytest.mark.django_db


def addresses(everything):
    public = everything["public"]
    return [
        "/api/v2/",
        "/api/v2/pages/",
        f"/api/v2/pages/{everything['housing'].pk}/",
        "/api/v2/threads/",
        f"/api/v2/threads/{public['thread'].pk}/",
        f"/api/v2/threads/{public['thread'].pk}/replies/",
        "/api/v2/data-gaps/",
        f"/api/v2/data-gaps/{public['gap'].pk}/",
        "/api/v2/meetings/",
        f"/api/v2/meetings/{public['meeting'].pk}/",
        "/api/v2/consultations/",
        f"/api/v2/consultations/{public['consultation'].pk}/",
        f"/api/v2/consultations/{public['consultation'].pk}/responses/",
        "/api/v2/organisations/",
        f"/api/v2/organisations/{everything['ons'].pk}/",
        "/api/v2/contacts/",
        "/api/v2/statistics/",
        f"/api/v2/statistics/{everything['statistic'].pk}/",
        "/api/schema/",
    ]


def test_every_address_answers_reading_and_refuses_writing(client, everything):
    for path in addresses(everything):
        assert client.get(path).status_code == 200, path
        for method in (client.post, client.put, client.patch, client.delete):
            response = method(path, data="{}", content_type="application/json")
            assert response.status_code == 405, (method.__name__, path)


def test_writing_is_refused_for_a_signed_in_member_too(client, everything):
    client.force_login(everything["author"])
    response = client.post("/api/v2/threads/", {"title": "Mine"})
    assert response.status_code == 405


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v2/threads/?theme=%3Cb%3E", "theme"),
        ("/api/v2/threads/?sort=oldest", "sort"),
        (f"/api/v2/threads/?topic={'x' * 101}", "topic"),
        ("/api/v2/data-gaps/?status=lost", "status"),
        ("/api/v2/data-gaps/?organisation=99999999999999999999999", "organisation"),
        ("/api/v2/data-gaps/?organisation=%27%3B+DROP+TABLE", "organisation"),
        ("/api/v2/data-gaps/?sort=-id", "sort"),
        ("/api/v2/data-gaps/?tag=%3Cscript%3E", "tag"),
        ("/api/v2/meetings/?format=carrier-pigeon", "format"),
        ("/api/v2/meetings/?when=tomorrow", "when"),
        ("/api/v2/consultations/?state=maybe", "state"),
        ("/api/v2/organisations/?kind=secret", "kind"),
        ("/api/v2/contacts/?theme=%00", None),
        ("/api/v2/statistics/?status=secret", "status"),
        ("/api/v2/statistics/?producer=%27%3B+DROP+TABLE", "producer"),
    ],
)
def test_a_filter_that_is_no_option_is_a_400_naming_it(
    client, everything, path, parameter
):
    response = client.get(path)
    assert response.status_code == 400
    if parameter:
        assert parameter in response.json()
        assert "not one of the available choices" in str(response.json()) or (
            "at most" in str(response.json())
        )


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("/api/v2/threads/?theme=no-such-theme", "public theme “no-such-theme”"),
        ("/api/v2/meetings/?theme=private", "public theme “private”"),
        ("/api/v2/consultations/?theme=draft", "public theme “draft”"),
        ("/api/v2/data-gaps/?organisation=999999", "organisation owning a data gap"),
        ("/api/v2/data-gaps/?tag=no-such-topic", "topic in use “no-such-topic”"),
        ("/api/v2/statistics/?producer=999999", "producer of a statistic"),
        ("/api/v2/statistics/?theme=private", "public theme “private”"),
    ],
)
def test_a_filter_naming_nothing_public_is_a_404_saying_so(
    client, everything, path, named
):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["detail"].startswith(f"There is no {named}")


@pytest.mark.parametrize(
    "query",
    [
        "limit=abc",
        "limit=-5",
        "offset=-1",
        "offset=99999999999999999999999999999",
        f"limit={'9' * 5000}",
        "limit=100000",
    ],
)
def test_hostile_paging_is_answered_not_a_500(client, everything, query):
    response = client.get(f"/api/v2/threads/?{query}")
    assert response.status_code == 200
    assert len(response.json()["results"]) <= 100


def test_an_offset_past_the_end_is_an_empty_page(client, everything):
    found = client.get("/api/v2/data-gaps/?offset=99999999999999999999").json()
    assert found["count"] == 1
    assert found["results"] == []


def test_ids_that_are_no_id_are_not_there(client, everything):
    for path in [
        "/api/v2/threads/0/",
        "/api/v2/threads/9999999999999999999999/",
        "/api/v2/data-gaps/abc/",
        "/api/v2/meetings/999999/",
        "/api/v2/consultations/-1/",
        "/api/v2/consultations/999999/responses/",
        "/api/v2/organisations/999999/",
        "/api/v2/statistics/999999/",
        "/api/v2/statistics/public-statistic/",
    ]:
        assert client.get(path).status_code == 404, path


def test_anonymous_callers_are_limited_with_a_clear_429(client, everything, settings):
    settings.API_ANONYMOUS_RATE = "3/minute"
    for _ in range(3):
        assert client.get("/api/v2/threads/").status_code == 200
    refused = client.get("/api/v2/data-gaps/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"].startswith("Too many requests from your address.")
    assert "Try again in" in refused.json()["detail"]
    # Wagtail's pages API counts against the same limit.
    assert client.get("/api/v2/pages/").status_code == 429


def test_the_limit_is_per_address(client, everything, settings):
    settings.API_ANONYMOUS_RATE = "1/minute"
    assert client.get("/api/v2/threads/").status_code == 200
    assert client.get("/api/v2/threads/").status_code == 429
    other = client.get("/api/v2/threads/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
