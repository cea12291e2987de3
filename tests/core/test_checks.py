"""`check --deploy` warns when the default Wagtail site and WAGTAILADMIN_BASE_URL
name different addresses: links in emails would point to two places."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail.models import Site

from core.checks import default_site_matches_base_url

pytestmark = pytest.mark.django_db


def make_default_site(root_page, hostname, port):
    Site.objects.all().delete()
    return Site.objects.create(
        hostname=hostname, port=port, root_page=root_page, is_default_site=True
    )


def warning_ids():
    return [warning.id for warning in default_site_matches_base_url()]


def test_a_default_site_on_another_host_is_warned_about(root_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://stats.example.org"
    make_default_site(root_page, "localhost", 80)
    assert warning_ids() == ["core.W001"]


def test_a_default_site_on_another_port_is_warned_about(root_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://stats.example.org"
    make_default_site(root_page, "stats.example.org", 80)
    assert warning_ids() == ["core.W001"]


def test_the_warning_names_both_addresses(root_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://stats.example.org"
    make_default_site(root_page, "localhost", 8000)
    (warning,) = default_site_matches_base_url()
    assert "localhost on port 8000" in warning.msg
    assert "https://stats.example.org" in warning.msg


@pytest.mark.parametrize(
    ("base_url", "hostname", "port"),
    [
        ("https://stats.example.org", "stats.example.org", 443),
        ("https://stats.example.org/", "Stats.Example.org", 443),
        ("http://stats.example.org", "stats.example.org", 80),
        ("http://127.0.0.1:8000", "127.0.0.1", 8000),
    ],
)
def test_a_default_site_at_the_base_url_passes(
    root_page, settings, base_url, hostname, port
):
    settings.WAGTAILADMIN_BASE_URL = base_url
    make_default_site(root_page, hostname, port)
    assert warning_ids() == []


def test_no_default_site_is_nothing_to_compare(root_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://stats.example.org"
    Site.objects.update(is_default_site=False)
    assert warning_ids() == []


def test_check_deploy_fails_on_the_warning_at_warning_level(root_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://stats.example.org"
    make_default_site(root_page, "localhost", 80)
    with pytest.raises(SystemCheckError, match="core.W001"):
        call_command("check", deploy=True, fail_level="WARNING")


def test_an_ordinary_check_does_not_run_it(root_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://stats.example.org"
    make_default_site(root_page, "localhost", 80)
    call_command("check", fail_level="WARNING")
