"""Every response carries a Content-Security-Policy and a Permissions-Policy."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import path

from statsforum import urls as site_urls

TEMPLATES = Path(__file__).resolve().parents[2] / "site" / "templates"
# Emails are not web pages: mail clients need their styles inline, and no CSP applies.
EMAIL_TEMPLATES = {"email", "notifications"}


def boom(request):
    raise RuntimeError("a fault in a view")


# The site's own list, not include()d: Django refuses i18n_patterns in an include.
urlpatterns = [path("boom/", boom), *site_urls.urlpatterns]


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part)
    }


def inline_scripts(html):
    return re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)


def hash_source(script):
    digest = hashlib.sha256(script.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def assert_strict_public_policy(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_a_public_page_allows_only_its_own_scripts_and_the_one_it_names_by_hash(
    client, home_page
):
    response = client.get("/")

    assert response.status_code == 200
    assert_strict_public_policy(response)
    (script,) = inline_scripts(response.content.decode())
    assert "js-enabled" in script
    assert directives(response)["script-src"] == ["'self'", hash_source(script)]


def test_the_policy_carries_no_nonce_so_every_visitor_gets_the_same_page(
    client, home_page
):
    responses = [client.get("/") for _ in range(2)]

    assert "nonce" not in responses[0].headers["Content-Security-Policy"]
    assert responses[0].content == responses[1].content


def test_a_sign_in_page_has_the_strict_policy(client, home_page):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    assert_strict_public_policy(response)


def test_a_page_not_found_has_the_strict_policy_and_its_script(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert_strict_public_policy(response)
    (script,) = inline_scripts(response.content.decode())
    assert hash_source(script) in directives(response)["script-src"]


@pytest.mark.urls(__name__)
def test_a_server_error_page_has_the_strict_policy_and_no_inline_script(home_page):
    response = Client(raise_request_exception=False).get("/boom/")

    assert response.status_code == 500
    assert_strict_public_policy(response)
    # Rendered without a request, it has no nonce to give an inline script.
    scripts = re.findall(r"<script[^>]*>", response.content.decode())
    assert all("src=" in script for script in scripts), scripts


def test_the_admin_has_its_own_policy_with_only_the_exceptions_wagtail_needs(
    client, editor
):
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    policy = directives(response)
    # Inline <script> and <style> elements, which Wagtail's templates and Draftail
    # add; never inline event handlers or style attributes, never eval().
    assert policy["script-src"] == ["'self'"]
    assert policy["script-src-elem"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["style-src-elem"] == ["'self'", "'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_the_admin_shows_its_own_default_avatar_and_never_asks_gravatar(client, editor):
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert "wagtailadmin/images/default-user-avatar" in html
    assert "gravatar" not in html.lower()


@pytest.mark.parametrize("url", ["/", "/no-such-page/", "/accounts/login/", "/admin/"])
def test_every_response_switches_off_the_browser_features_no_page_uses(
    client, home_page, url
):
    response = client.get(url)

    features = dict(
        item.split("=") for item in response.headers["Permissions-Policy"].split(", ")
    )
    for feature in [
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "browsing-topics",
        "interest-cohort",
    ]:
        assert features[feature] == "()", feature


def web_page_templates():
    for template in sorted(TEMPLATES.rglob("*.html")):
        if template.relative_to(TEMPLATES).parts[0] not in EMAIL_TEMPLATES:
            yield template


INLINE_CODE = {
    "an inline script with attributes": re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)\s[^>]*>"
    ),
    "an inline event handler": re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE),
    "a javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    "an inline style": re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE),
}


def test_no_web_page_template_has_inline_code_the_policy_would_refuse():
    assert any(web_page_templates()), f"no templates found in {TEMPLATES}"
    found = [
        f"{template.relative_to(TEMPLATES)}: {name}"
        for template in web_page_templates()
        for name, pattern in INLINE_CODE.items()
        if pattern.search(template.read_text())
    ]

    assert not found, "\n".join(found)


def test_every_inline_script_in_a_template_is_one_the_policy_names_by_hash(settings):
    allowed = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]
    found = [
        (template.relative_to(TEMPLATES), script)
        for template in web_page_templates()
        for script in inline_scripts(template.read_text())
    ]

    assert found, "base.html's js-enabled snippet not found"
    assert [
        str(template)
        for template, script in found
        if hash_source(script) not in allowed
    ] == []
