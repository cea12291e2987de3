"""Every absolute link uses the address being served, `PORT=9000 make run` included."""

import os
import subprocess
from pathlib import Path

from wagtail.models import Site

from core.links import full_url
from demo.home import create_demo_home_page
from events.factories import EventPageFactory
from themes.factories import ThemeIndexPageFactory, ThemePageFactory

REPO = Path(__file__).resolve().parents[2]


def test_make_run_on_another_port_gives_every_command_that_address(tmp_path):
    # A stand-in for the venv's python records what make runs and with what address.
    calls = tmp_path / "calls"
    python = tmp_path / "python"
    python.write_text(f'#!/bin/sh\necho "$WAGTAILADMIN_BASE_URL $*" >> {calls}\n')
    python.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}
    subprocess.run(
        ["make", "-s", "-o", "setup", "run", "PORT=9000", f"BIN={tmp_path}"],  # noqa: S607
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )

    lines = calls.read_text().splitlines()
    assert "http://127.0.0.1:9000 manage.py seed_demo" in lines
    assert "http://127.0.0.1:9000 manage.py runserver 127.0.0.1:9000" in lines
    assert all(line.startswith("http://127.0.0.1:9000 ") for line in lines)


def test_the_demo_site_and_its_meetings_links_follow_the_address_served(
    root_page, settings
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:9000"
    home = create_demo_home_page()
    theme = ThemePageFactory(parent=ThemeIndexPageFactory(parent=home))
    meeting = EventPageFactory(parent=theme)

    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:9000"
    assert meeting.full_url.startswith("http://127.0.0.1:9000/themes/")
    assert full_url(meeting.url) == meeting.full_url


def test_the_demo_site_moves_when_it_is_served_somewhere_else(root_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:9000"
    create_demo_home_page()
    settings.WAGTAILADMIN_BASE_URL = "https://statsforum.example.org"
    create_demo_home_page()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("statsforum.example.org", 443)
    assert site.root_url == "https://statsforum.example.org"
