"""Welsh throughout, enforced: the templates of the listed directories hold no
user-facing text outside translation tags; the pages listed render at /cy/ without
asking for a string the Welsh catalogue lacks; the catalogue compiles and has no
fuzzy or empty translation for a string those templates use.

The lists widen as each part of the site is translated: adding a directory or a page
is one line.
"""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.template import engines
from django.test import Client
from django.utils import translation
from django.utils.translation import trans_real

from accounts.factories import UserFactory

ROOT = Path(settings.BASE_DIR)
TEMPLATES = Path(settings.PROJECT_DIR) / "templates"
CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "cy" / "LC_MESSAGES" / "django.po"

# Templates (a directory: every template in it and below; or one file) that must have
# every user-facing string marked for translation.
FULLY_MARKED = [
    TEMPLATES / "base.html",
    TEMPLATES / "includes",
    TEMPLATES / "components",
    TEMPLATES / "400.html",
    TEMPLATES / "403.html",
    TEMPLATES / "404.html",
    TEMPLATES / "500.html",
    TEMPLATES / "503.html",
    TEMPLATES / "email" / "base.html",
    TEMPLATES / "email" / "base.txt",
    TEMPLATES / "forums",
    TEMPLATES / "events",
    TEMPLATES / "connections",
    TEMPLATES / "figures",
    TEMPLATES / "gaps",
    TEMPLATES / "consultations",
    TEMPLATES / "catalogue",
    TEMPLATES / "search",
    TEMPLATES / "api",
    TEMPLATES / "account",
    TEMPLATES / "accounts",
    TEMPLATES / "allauth",
    TEMPLATES / "mfa",
    TEMPLATES / "socialaccount",
    TEMPLATES / "email",
    TEMPLATES / "notifications",
    TEMPLATES / "forms",
    TEMPLATES / "home",
    TEMPLATES / "blocks",
    TEMPLATES / "themes",
]

# Addresses whose every string must have its Welsh, with the fixtures they need.
WELSH_PAGES = [
    ("/cy/no-such-page/", ["home_page"]),
    ("/cy/themes/migration/discussions/", ["migration"]),
    ("/cy/meetings/", ["migration"]),
    ("/cy/themes/migration/figures/", ["migration"]),
    ("/cy/data-gaps/", ["migration"]),
    ("/cy/consultations/", ["migration"]),
    ("/cy/statistics/", ["migration"]),
    ("/cy/search/?query=migration", ["migration"]),
    ("/cy/contacts/", ["migration"]),
    # A contact's stop link (the good link's pages: tests/forums).
    ("/cy/contacts/stop/not-a-signed-link/", ["home_page"]),
    ("/cy/accounts/login/", ["home_page"]),
    ("/cy/accounts/signup/", ["home_page"]),
    ("/cy/", ["home_page"]),
    ("/cy/themes/", ["theme_index"]),
    ("/cy/themes/health/", ["health"]),
    ("/cy/get-involved/", ["home_page"]),
    # allauth's pages, in our templates and words (site/templates/account, mfa).
    ("/cy/accounts/password/reset/", ["home_page"]),
    ("/cy/accounts/password/reset/done/", ["home_page"]),
    ("/cy/accounts/password/reset/key/1-not-a-key/", ["home_page"]),
    ("/cy/accounts/password/reset/key/done/", ["home_page"]),
    ("/cy/accounts/confirm-email/not-a-key/", ["home_page"]),
    ("/cy/accounts/inactive/", ["home_page"]),
    ("/cy/accounts/reauthenticate/code/", ["home_page", "member"]),
    ("/cy/accounts/email/", ["home_page", "member"]),
    ("/cy/accounts/password/change/", ["home_page", "member"]),
    ("/cy/accounts/password/set/", ["home_page", "member_without_password"]),
    ("/cy/accounts/2fa/", ["home_page", "member"]),
    ("/cy/accounts/2fa/totp/activate/", ["home_page", "member"]),
    ("/cy/accounts/2fa/totp/deactivate/", ["home_page", "member_with_two_factor"]),
    ("/cy/accounts/2fa/recovery-codes/", ["home_page", "member_with_two_factor"]),
    (
        "/cy/accounts/2fa/recovery-codes/generate/",
        ["home_page", "member_with_two_factor"],
    ),
    ("/cy/accounts/2fa/webauthn/", ["home_page", "member_with_a_passkey"]),
    ("/cy/accounts/2fa/webauthn/add/", ["home_page", "member_with_two_factor"]),
]

# Words that are the same in every language.
NAMES = {"statsforum", "CSV", "API", "GET"}

COMMENT = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.S)
TRANSLATED_BLOCK = re.compile(
    r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}", re.S
)
NOT_TEXT = re.compile(r"<(script|style|svg)\b.*?</\1>", re.S | re.I)
TEMPLATE_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
HTML_TAG = re.compile(r"<[^>]*>", re.S)
READ_ATTRIBUTE = re.compile(
    r"""\b(aria-label|title|alt|placeholder|aria-description)=("[^"]*"|'[^']*')"""
)
# A quoted string inside a tag or a variable that reads as prose: starts with a
# capital or holds a space (not an address, a name or a template's path).
STRING_LITERAL = re.compile(r"""(?<![_\w(])("[^"]*"|'[^']*')""")
MARKED_LITERAL = re.compile(r"""_\(\s*("[^"]*"|'[^']*')\s*\)""")
TAGS_TAKING_NO_TEXT = re.compile(
    r"^{%\s*(load|extends|include|url|static|block|translate|trans|language|"
    r"with|if|elif|for|cycle|querystring|address_in_language)\b"
)
ENTITY = re.compile(r"&#?\w+;")


def templates_to_check():
    for entry in FULLY_MARKED:
        if entry.is_dir():
            yield from sorted(p for p in entry.rglob("*") if p.is_file())
        else:
            yield entry


def has_words(text):
    words = re.findall(r"[^\W\d_]{2,}", ENTITY.sub(" ", text))
    return [word for word in words if word not in NAMES]


def unmarked_text(source):
    """The user-facing text in a template's source that no translation tag holds."""
    found = []
    source = COMMENT.sub("", source)
    source = TRANSLATED_BLOCK.sub("", source)
    source = NOT_TEXT.sub("", source)
    for tag in TEMPLATE_TAG.findall(source):
        if tag.startswith("{%") and TAGS_TAKING_NO_TEXT.match(tag):
            continue
        tag = MARKED_LITERAL.sub("", tag)
        for literal in STRING_LITERAL.findall(tag):
            text = literal[1:-1]
            if (" " in text or text[:1].isupper()) and has_words(text):
                found.append(text)
    # Tags first: a translate tag's own quotes would end the attribute early.
    for _name, value in READ_ATTRIBUTE.findall(TEMPLATE_TAG.sub("", source)):
        if has_words(value):
            found.append(value)
    text = HTML_TAG.sub("\n", TEMPLATE_TAG.sub("", source))
    found += [line.strip() for line in text.splitlines() if has_words(line)]
    return found


# (a) No literal text


@pytest.mark.parametrize(
    "template", list(templates_to_check()), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_every_user_facing_string_in_these_templates_is_marked(template):
    assert unmarked_text(template.read_text()) == []


def test_the_template_check_finds_text_outside_translation_tags():
    source = """{% load i18n %}{% comment %}A note for engineers.{% endcomment %}
    <h1>{% translate "Marked" %}</h1><p>Not marked</p>
    <nav aria-label="Breadcrumb"></nav><a aria-label="{% translate 'Fine' %}">
    {% some_tag "/themes/" "Themes" %}{% some_tag "/themes/" _("Themes") %}
    {{ button|default:"Apply filters" }}{% if level == 'success' %}{% endif %}
    {% blocktranslate %}Hello {{ name }}{% endblocktranslate %} statsforum"""

    assert unmarked_text(source) == [
        "Themes",
        "Apply filters",
        '"Breadcrumb"',
        "Not marked",
    ]


# (b) Every string asked for on a Welsh page has its Welsh


@pytest.fixture
def untranslated(monkeypatch):
    """The msgids asked of the Welsh catalogue that it has no translation for."""
    welsh = trans_real.translation("cy")
    catalogue = welsh._catalog
    asked = []

    def gettext(message):
        if message not in catalogue and has_words(message):
            asked.append(message)
        return type(welsh).gettext(welsh, message)

    def ngettext(singular, plural, number):
        if (singular, 0) not in catalogue:
            asked.append(singular)
        return type(welsh).ngettext(welsh, singular, plural, number)

    monkeypatch.setattr(welsh, "gettext", gettext)
    monkeypatch.setattr(welsh, "ngettext", ngettext)
    return asked


def signed_in(user):
    """A client signed in as `user`, who has just confirmed it is them (allauth asks
    again before changes to how they sign in)."""
    client = Client()
    client.force_login(user)
    if user.has_usable_password():
        response = client.post(
            "/cy/accounts/reauthenticate/", {"password": "a-good-test-password"}
        )
        assert response.status_code == 302
    return client


@pytest.fixture
def member(db):
    return signed_in(UserFactory())


@pytest.fixture
def member_without_password(db):
    """Signs in only with another account (OpenID Connect)."""
    user = UserFactory()
    user.set_unusable_password()
    user.save()
    return signed_in(user)


@pytest.fixture
def member_with_two_factor(db):
    user = UserFactory(two_factor=True)
    RecoveryCodes.activate(user)
    return signed_in(user)


@pytest.fixture
def member_with_a_passkey(db):
    user = UserFactory(two_factor=True)
    Authenticator.objects.create(
        user=user,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "Work laptop", "credential": {}},
    )
    return signed_in(user)


def test_the_compiled_catalogue_is_as_new_as_its_source():
    compiled = CATALOGUE.with_suffix(".mo")
    assert compiled.exists(), "run `make setup` to compile the Welsh catalogue"
    assert compiled.stat().st_mtime >= CATALOGUE.stat().st_mtime, "run `make setup`"


@pytest.mark.django_db
@pytest.mark.parametrize(("address", "fixtures"), WELSH_PAGES)
def test_every_string_on_this_welsh_page_has_its_welsh(
    request, untranslated, address, fixtures
):
    client = Client()
    for fixture in fixtures:
        made = request.getfixturevalue(fixture)
        if isinstance(made, Client):  # a member, signed in
            client = made

    response = client.get(address)

    assert response["Content-Language"] == "cy"
    # A page that sent us elsewhere was not checked.
    assert not response.has_header("Location")
    assert sorted(set(untranslated)) == []


def test_the_missing_translation_check_hears_a_string_the_catalogue_lacks(
    untranslated,
):
    with translation.override("cy"):
        assert translation.gettext("Skip to main content") != "Skip to main content"
        translation.gettext("A string nobody has translated")

    assert untranslated == ["A string nobody has translated"]


# (c) The catalogue


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
def test_the_welsh_catalogue_compiles_with_msgfmt_check(tmp_path):
    subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(CATALOGUE)],  # noqa: S607
        check=True,
    )


def msgids_in_fully_marked_templates():
    """The msgids of the listed templates, as makemessages would collect them."""
    from django.utils.translation import template as to_python

    msgids = set()
    pattern = re.compile(
        r"""\b(?:gettext|pgettext)\(\s*(?:'[^']*'\s*,\s*)?'((?:[^'\\]|\\.)*)'"""
    )
    for template in templates_to_check():
        python = to_python.templatize(template.read_text(), origin=str(template))
        msgids |= {m.encode().decode("unicode_escape") for m in pattern.findall(python)}
    return msgids


def test_the_listed_templates_strings_are_all_in_the_catalogue_translated():
    catalogue = {entry.msgid: entry for entry in polib.pofile(str(CATALOGUE))}
    problems = []
    for msgid in sorted(msgids_in_fully_marked_templates()):
        entry = catalogue.get(msgid)
        if entry is None:
            problems.append(f"missing (run `make messages`): {msgid}")
        elif "fuzzy" in entry.flags or not entry.translated():
            problems.append(f"not translated: {msgid}")

    assert problems == []


def test_the_template_engine_loads_every_listed_template():
    engine = engines["django"]
    for template in templates_to_check():
        engine.get_template(str(template.relative_to(TEMPLATES)))


def test_every_string_in_the_catalogue_has_its_welsh():
    """Python's strings too (forms, messages, emails), once `make messages` has
    collected them."""
    catalogue = polib.pofile(str(CATALOGUE))

    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_no_template_links_to_a_page_by_a_written_address():
    """A written address ("/themes/") would lead a Welsh page's reader to English:
    templates write `{% address_in_language "/themes/" %}` or `{% url %}`."""
    written = [
        str(template.relative_to(TEMPLATES))
        for template in sorted(TEMPLATES.rglob("*.html"))
        if 'href="/' in template.read_text()
    ]

    assert written == []


@pytest.mark.django_db
def test_a_welsh_page_links_to_the_welsh_themes(migration):
    page = Client().get("/cy/data-gaps/").content.decode()

    assert 'href="/cy/themes/"' in page
    assert 'href="/themes/"' not in page
