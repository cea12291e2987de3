"""Playwright driving Debian's Chromium against the live server, with axe-core.

Every page a test visits is also held to the site's promises about third parties and
the Content-Security-Policy: a request to any other host, or a CSP violation, fails
the test.
"""

import functools
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The machine has no network: keep Chromium from reaching for one.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Runs in every document and frame before the page's own scripts, so no violation
# (an inline script at the top of <body> included) goes unseen.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation({
    page: document.location.href,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: `${event.sourceFile}:${event.lineNumber}`,
    sample: event.sample,
  });
}, true);
"""


class SerialWSGIServer(WSGIServer):
    """The live server, answering one request at a time.

    On SQLite every request shares the test's one in-memory connection, and the
    admin fetches its icons and translations while the page loads: answered in
    parallel, they broke each other's transactions.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = SerialWSGIServer


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium is missing at {CHROMIUM}: run 'make browser'."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def other_hosts():
    """Hosts a journey may visit besides the live server (an identity provider)."""
    return set()


@pytest.fixture
def page(browser, live_server, other_hosts):
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    site = urlsplit(live_server.url).netloc
    offsite = []

    def record_offsite(request):
        url = urlsplit(request.url)
        if url.scheme in {"http", "https", "ws", "wss"} and url.netloc not in {
            site,
            *other_hosts,
        }:
            offsite.append(request.url)

    violations = []

    def record_violation(violation):
        violations.append(violation)

    context.on("request", record_offsite)
    context.expose_function("reportCspViolation", record_violation)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    yield page
    settle(page)  # Nothing may still be querying when the database is flushed.
    context.close()
    assert not offsite, f"Pages asked another host than {site} for: {offsite}"
    assert not violations, "Content-Security-Policy violations:\n" + json.dumps(
        violations, indent=2
    )


# Every page is judged as a phone shows it and as a desktop does.
WIDTHS = (320, 1280)


NEXT_FRAMES = (
    "() => new Promise(done =>"
    " requestAnimationFrame(() => requestAnimationFrame(done)))"
)


def assert_accessible(page):
    """Fail with a readable list of every axe-core violation on the page, at each
    of WIDTHS, and if the page scrolls sideways at the narrowest; the page keeps the
    size it had."""
    size = page.viewport_size
    try:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": size["height"]})
            # Scripts answer a resize on the next frames (Wagtail's minimap folds
            # at phone widths, with a transition): judge the page after them.
            page.evaluate(NEXT_FRAMES)
            assert_accessible_now(page)
            if width == min(WIDTHS):
                assert_reflows(page)
    finally:
        page.set_viewport_size(size)


# The widest element that pushes the page past the viewport's edge, for the message.
WIDEST = """() => {
  const edge = document.documentElement.clientWidth;
  let widest = null;
  for (const element of document.body.querySelectorAll("*")) {
    const right = element.getBoundingClientRect().right;
    if (right > edge + 1 && (!widest || right >= widest.right)) {
      widest = {right: Math.round(right), element: element.outerHTML.slice(0, 200)};
    }
  }
  return {width: document.documentElement.scrollWidth, edge, widest};
}"""


def assert_reflows(page):
    """WCAG 1.4.10 (reflow): at 320 CSS pixels nothing scrolls sideways. A table
    may scroll inside its own labelled region; the page itself may not."""
    found = page.evaluate(WIDEST)
    assert found["width"] <= found["edge"], (
        f"{page.url} scrolls sideways at {found['edge']} px: it is {found['width']} px"
        f" wide, pushed by {found['widest'] or 'text (a long word?)'}"
    )


def assert_accessible_now(page):
    # Judge colours as they end up, not halfway through a fade-in (Wagtail's
    # messages): finish every animation that has an end.
    page.evaluate(
        "document.getAnimations()"
        ".filter(a => a.effect.getTiming().iterations !== Infinity)"
        ".forEach(a => a.finish())"
    )
    # Evaluated as DevTools code, which the page's CSP does not govern:
    # add_script_tag would add an inline <script>, which the CSP rightly refuses.
    page.evaluate(axe_source())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [node["target"] for node in v["nodes"]][:5],
        }
        for v in results["violations"]
    ]
    assert not violations, (
        f"axe-core found problems on {page.url}:\n{json.dumps(violations, indent=2)}"
    )


@functools.cache
def axe_source():
    return AXE.read_text()


def settle(page):
    """Wait until the page has stopped loading (the admin fetches more after load).

    On SQLite the live server shares the test's database connection, so the test
    must not query while the server is still answering the browser.
    """
    page.wait_for_load_state("networkidle")
