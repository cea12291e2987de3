"""Figures in Welsh, at /cy/: the charts' titles, summaries, tables and downloads
are in the reader's language, and the cache keeps each language's copy apart."""

import csv
import io
from html import unescape

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from core.languages import address_in
from figures import satisfaction
from gaps import services as gap_services

pytestmark = pytest.mark.django_db


def welsh(path):
    return address_in(path, "cy")


def figures_url(theme):
    return reverse("figures:theme", kwargs={"theme_slug": theme.slug})


def test_a_themes_figures_are_in_welsh(client, migration):
    page = unescape(client.get(welsh(figures_url(migration))).content.decode())

    for cymraeg in [
        "Ffigurau",
        "Dewis y cyfnod",
        "Cwestiynau i'r cynhyrchwyr",
        "Dywedoch chi, gwnaethom ni",
        "A wnaeth ddiwallu eu hangen?",
        "Aelodau ac aelodau gweithgar, yn ôl sector",
    ]:
        assert cymraeg in page
    for english in [
        "Choose the period",
        "Questions for the producers",
        "You said, we did",
        "Members and active members, by sector",
    ]:
        assert english not in page


def test_english_and_welsh_figures_are_cached_apart(client, migration):
    client.get(welsh(figures_url(migration)))

    english = unescape(client.get(figures_url(migration)).content.decode())

    assert "Questions for the producers" in english
    assert "Cwestiynau i'r cynhyrchwyr" not in english


def rows(response):
    return list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    )


def test_a_figures_download_has_welsh_headers_at_its_welsh_address(client, migration):
    path = reverse(
        "figures:theme_csv",
        kwargs={"theme_slug": migration.slug, "figure": "questions"},
    )

    assert rows(client.get(welsh(path)))[0] == ["Cwestiynau", "Nifer"]
    assert rows(client.get(path))[0] == ["Questions", "Number"]


def test_an_expired_answer_link_says_so_in_welsh(client):
    path = reverse("figures:satisfaction", kwargs={"token": "not-a-token"})

    response = client.get(welsh(path))

    page = unescape(response.content.decode())
    assert response.status_code == 404
    assert "Mae'r ddolen hon wedi dod i ben" in page
    assert "This link has expired" not in page


def test_asking_whether_an_outcome_met_a_need_names_it_in_welsh(
    migration, ons_producer, mailoutbox
):
    cymro, sais = UserFactory(email_language="cy"), UserFactory(email_language="en-gb")
    gap = gap_services.raise_gap(
        cymro, migration, title="Visas by age", measure="M", purpose="P"
    )
    gap_services.support(gap, sais, use_case="For planning.")
    gap_services.change_status(gap, ons_producer, status="met", note="Published.")
    mailoutbox.clear()

    satisfaction.ask_about_outcomes()

    found = {message.to[0]: message for message in mailoutbox}
    welsh_email, english_email = found[cymro.email], found[sais.email]
    assert "Bwlch data wedi'i ddiwallu neu ei gau: Visas by age" in welsh_email.body
    assert "A data gap met or closed" not in welsh_email.body
    assert "A data gap met or closed: Visas by age" in english_email.body
