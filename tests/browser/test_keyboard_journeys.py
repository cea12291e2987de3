"""The main journeys with a keyboard only: Tab, Shift+Tab, Enter and Space, never a
click. Every stop on the way must show its focus, and Tab must move forwards
through the page (WCAG 2.1.1 keyboard, 2.4.3 focus order, 2.4.7 focus visible).
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from accounts.factories import UserFactory
from consultations.factories import ConsultationPageFactory
from forums import services as forum_services
from forums.factories import ThreadFactory
from tests.browser.conftest import assert_accessible
from themes.services import join_theme

pytestmark = pytest.mark.browser

PASSWORD = "a-good-test-password"  # UserFactory's

# The focused element, whether its focus shows (an outline or GOV.UK Frontend's
# yellow box-shadow), and where it sits in the document, for the order check.
FOCUSED = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
    && !/^rgba\(.*, 0\)$/.test(style.outlineColor);
  const all = Array.from(document.querySelectorAll("*"));
  return {
    name: (el.labels && el.labels[0] ? el.labels[0].innerText : el.innerText
           || el.getAttribute("aria-label") || el.value || "").trim(),
    tag: el.tagName,
    id: el.id,
    visible: outline || style.boxShadow !== "none",
    position: all.indexOf(el),
  };
}"""


def tab_to(page, name, limit=80, backwards=False):
    """Press Tab (Shift+Tab) until the focused element's name starts with `name`,
    checking at each stop that focus shows and moves through the page in order."""
    key = "Shift+Tab" if backwards else "Tab"
    last = None
    for _ in range(limit):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        assert focused["visible"], f"Focus does not show on {focused}"
        if last is not None:
            moved = focused["position"] - last["position"]
            assert (moved < 0) if backwards else (moved > 0), (
                f"Focus went from {last} to {focused}: out of order"
            )
        if focused["name"].startswith(name):
            return focused
        last = focused
    raise AssertionError(f"{limit} presses of {key} never reached {name!r}")


def tab_to_radio(page, limit=20):
    """Tab to the next group of radios (Tab stops once in a group)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            return
    raise AssertionError("No radios within reach")


def choose_radio(page, name, limit=8):
    """In a focused group of radios, move with the arrow keys to `name` (which
    chooses it, as a browser does)."""
    for _ in range(limit):
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"Focus does not show on {focused}"
        if focused["name"].startswith(name):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"No radio {name!r} in the group")


def start(page, path):
    """Open the page with nothing focused, as a person arriving does."""
    page.goto(path)
    page.evaluate("document.activeElement && document.activeElement.blur()")


def sign_in_by_keyboard(page, email, next_path="/"):
    start(page, f"/accounts/login/?next={next_path}")
    tab_to(page, "Email address")
    page.keyboard.type(email)
    tab_to(page, "Password")
    page.keyboard.type(PASSWORD)
    tab_to(page, "Sign in")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == next_path)
    page.wait_for_load_state()
    page.evaluate("document.activeElement && document.activeElement.blur()")


def test_signing_in_with_the_keyboard_only(page, migration):
    UserFactory(email="ann@example.org")
    start(page, "/")
    tab_to(page, "Skip to main content")
    tab_to(page, "Sign in")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Sign in")).to_be_visible()
    # Going back a stop with Shift+Tab works too.
    tab_to(page, "Password")
    tab_to(page, "Email address", backwards=True)
    page.keyboard.type("ann@example.org")
    tab_to(page, "Password")
    page.keyboard.type(PASSWORD)
    tab_to(page, "Sign in")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()
    assert_accessible(page)


def test_replying_to_a_thread_with_the_keyboard_only(page, migration):
    member = UserFactory(email="ann@example.org")
    join_theme(member, migration)
    thread = ThreadFactory(theme=migration, title="Visa data")
    for n in range(5):
        forum_services.post_reply(thread, UserFactory(), f"Reply {n}", tell=False)
    sign_in_by_keyboard(page, member.email, thread.get_absolute_url())
    expect(page.get_by_role("heading", level=1, name="Visa data")).to_be_visible()

    # The skip link comes within a few stops, not after every reply's buttons.
    tab_to(page, "Skip to the reply form", limit=25)
    page.keyboard.press("Enter")
    reply_box = tab_to(page, "Your reply", limit=3)
    assert reply_box["tag"] == "TEXTAREA"
    page.keyboard.type("Thank you, that answers it.")
    tab_to(page, "Post your reply")
    page.keyboard.press("Enter")

    # A success banner, focused, says it worked and links to the new reply.
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_be_focused()
    expect(banner).to_contain_text("Your reply has been posted.")
    assert_accessible(page)
    tab_to(page, "Go to your reply", limit=3)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Thank you, that answers it.")).to_be_in_viewport()


def test_registering_for_a_meeting_with_the_keyboard_only(page, meeting):
    UserFactory(email="ann@example.org")
    sign_in_by_keyboard(page, "ann@example.org", meeting.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(meeting.title)

    tab_to(page, "Register for this meeting")
    # A link styled as a button follows on Space, as a button does.
    page.keyboard.press("Space")
    expect(
        page.get_by_role("heading", name="Register for this meeting")
    ).to_be_visible()
    tab_to(page, "Access needs (optional)")
    page.keyboard.type("Captions, please")
    tab_to(page, "Register")
    page.keyboard.press("Enter")

    expect(page.get_by_text("You are registered.")).to_be_visible()
    assert_accessible(page)


def test_raising_a_data_gap_with_the_keyboard_only(page, migration):
    member = UserFactory(email="ann@example.org")
    join_theme(member, migration)
    sign_in_by_keyboard(page, member.email, "/themes/migration/data-gaps/new/")
    expect(
        page.get_by_role("heading", level=1, name="Raise a data gap")
    ).to_be_visible()

    tab_to(page, "Title")
    page.keyboard.type("Emigration by local authority")
    tab_to(page, "What statistics are missing?")
    page.keyboard.type("Counts of people leaving each local authority.")
    tab_to(page, "Raise the data gap")
    page.keyboard.press("Enter")
    # Left out: the error summary takes focus and its link leads to the field.
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate(
        "!!document.activeElement.closest('.govuk-error-summary__list')"
    ), "The first Tab after the error does not reach the error summary's link"
    page.keyboard.press("Enter")
    expect(
        page.get_by_label("What decision or work would they inform?")
    ).to_be_focused()
    page.keyboard.type("Planning school places.")
    tab_to(page, "Raise the data gap")
    page.keyboard.press("Enter")

    expect(
        page.get_by_role("heading", level=1, name="Emigration by local authority")
    ).to_be_visible()
    assert_accessible(page)


def test_responding_to_a_consultation_with_the_keyboard_only(page, migration):
    consultation = ConsultationPageFactory(
        parent=migration,
        title="Monthly or quarterly?",
        slug="frequency",
        one_page_per_section=True,
    )
    UserFactory(email="ann@example.org")
    sign_in_by_keyboard(page, "ann@example.org", consultation.url)

    tab_to(page, "Respond to this consultation")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Step 1 of")).to_be_visible()
    # Radios: Tab reaches a group, Space chooses the one focused and the arrow
    # keys move within the group.
    tab_to(page, "Every week")
    page.keyboard.press("Space")
    tab_to_radio(page)
    choose_radio(page, "Disagree")
    tab_to(page, "Save and continue")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Step 2 of")).to_be_visible()
    tab_to(page, "Region")
    page.keyboard.press("Space")
    tab_to(page, "What would the change mean for your work?")
    page.keyboard.type("We plan services from the monthly figures.")
    tab_to(page, "Save and continue")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Step 3 of")).to_be_visible()
    tab_to_radio(page)
    page.keyboard.press("Space")
    tab_to_radio(page)
    page.keyboard.press("Space")
    tab_to(page, "Submit your response")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Response submitted")).to_be_visible()
    assert_accessible(page)
