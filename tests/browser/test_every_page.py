"""Every kind of page the site has, on the demo data, held to WCAG 2.2 AA.

Two walks, one per core, each on a freshly seeded demo: what a visitor and a member
see, and the admin pages chairs, producers and editors use. Each page goes through
`assert_accessible`: axe-core at 320 and 1280 px and the reflow check at 320 px.
Every named address of the site's own apps is either walked or listed in NOT_PAGES
with the reason, and every kind of Wagtail page the demo has is walked, so a new page
type cannot slip past unjudged.
"""

from io import StringIO

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management import call_command
from django.urls import URLResolver, get_resolver, resolve
from playwright.sync_api import expect
from wagtail.models import Page

from accounts.factories import totp_code
from accounts.models import Organisation, User
from connections.models import ActionItem
from consultations.models import ConsultationResponse
from core.translation import of_record
from demo.management.commands.seed_demo import DEFAULT_DEMO_PASSWORD
from events.models import EventPage, MinutesPage
from forums.models import Thread
from gaps.models import DataGap
from tests.browser.conftest import assert_accessible, settle
from tests.browser.test_account_journeys import sign_in
from themes.models import ThemePage

# The demo is seeded on what the migrations made (the root page, groups, workflows):
# serialized_rollback restores those rows before each test, after the last one's flush.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.on_migrated_data,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# Named addresses that are not pages a person reads: what each one is instead.
NOT_PAGES = {
    # The identity providers' doors, one address in every language (site/urls.py):
    # tests/accounts/test_sign_in_with_a_provider.py.
    "openid_connect_login": "a POST that leaves for the identity provider",
    "openid_connect_callback": "the identity provider's way back",
    # Data and feeds for machines.
    "forums:thread_feed": "Atom",
    "gaps:all_feed": "Atom",
    "gaps:register_feed": "Atom",
    "gaps:gap_feed": "Atom",
    "events:meetings_feed": "Atom",
    "events:theme_meetings_feed": "Atom",
    "consultations:consultations_feed": "Atom",
    "consultations:theme_consultations_feed": "Atom",
    "connections:theme_feed": "Atom",
    "events:meetings_calendar": "iCalendar",
    "events:theme_meetings_calendar": "iCalendar",
    "events:my_calendar": "iCalendar",
    "sitemap": "XML",
    "download_data_export": "a ZIP file",
    "wagtaildocs_serve": "a document",
    "gaps:similar": "a fragment the new-gap form fetches; seen on that page",
    "home:get_involved_feed": "Atom",
    "home:get_involved_calendar": "iCalendar",
    "api:schema": "OpenAPI JSON (tests/api)",
    "api:root": "JSON (tests/api)",
    "api:threads": "JSON (tests/api)",
    "api:thread": "JSON (tests/api)",
    "api:thread_replies": "JSON (tests/api)",
    "api:data_gaps": "JSON (tests/api)",
    "api:data_gap": "JSON (tests/api)",
    "api:meetings": "JSON (tests/api)",
    "api:meeting": "JSON (tests/api)",
    "api:consultations": "JSON (tests/api)",
    "api:consultation": "JSON (tests/api)",
    "api:consultation_responses": "JSON (tests/api)",
    "api:organisations": "JSON (tests/api)",
    "api:organisation": "JSON (tests/api)",
    "api:contacts": "JSON (tests/api)",
    "api:statistics": "JSON (tests/api)",
    "api:statistic": "JSON (tests/api)",
    "pages:listing": "Wagtail's pages API, JSON (tests/api)",
    "pages:detail": "Wagtail's pages API, JSON (tests/api)",
    "pages:find": "Wagtail's pages API, a redirect to JSON (tests/api)",
    # Forms that only take a POST and answer with a redirect to a page walked here.
    "themes:join": "POST",
    "themes:leave": "POST",
    "forums:reply": "POST",
    "forums:follow": "POST",
    "forums:like_reply": "POST",
    "forums:mark_answer": "POST",
    "forums:moderate": "POST",
    "gaps:support": "POST",
    "gaps:withdraw": "POST",
    "gaps:follow": "POST",
    "catalogue:follow": "POST",
    "resume_email": "POST (walked by tests/browser/test_email_stopped)",
    "gaps:approve": "POST",
    "events:new_calendar_address": "POST",
    "mark_all_notifications_read": "POST",
    # Redirects to a page walked here.
    "open_notification": "redirects to what the notification is about",
    "wagtailcore_login": "redirects to the sign-in page",
    # Pages reached only through a link in an email, each a one-line confirmation
    # in the site's layout.
    "unsubscribe": "from an email (tests/accounts)",
    "catalogue:stop_emails": "from an email (tests/forums)",
    "account_confirm_email": "from an email (tests/browser/test_account_journeys)",
    "wagtaildocs_authenticate_with_password": "no demo document is private",
    "wagtailcore_authenticate_with_password": "no demo page is private",
    "mfa_activate_totp": "walked by tests/browser/test_account_journeys",
    # Asking to delete or report takes a thread or reply of one's own or another's:
    # the demo member has none of the first; walked by tests/browser/test_discussions.
    "forums:delete_thread": "tests/browser/test_discussions",
    "forums:delete_reply": "tests/browser/test_discussions",
    "forums:edit_reply": "tests/browser/test_discussions",
    "forums:report_reply": "tests/browser/test_discussions",
    "gaps:reject": "tests/browser/test_data_gaps",
    "figures:theme_csv": "CSV (tests/figures)",
    "figures:organisation_csv": "CSV (tests/figures)",
    "figures:satisfaction": "from an email (tests/browser/test_figures)",
    "figures:answer": "POST",
}


def visitor_pages(ids):
    thread, gap, member = ids["thread"], ids["gap"], ids["member"]
    return [
        "/",
        "/about/",
        "/code-of-conduct/",
        "/accessibility/",
        "/privacy/",
        "/themes/",
        "/themes/migration/",
        "/themes/migration/discussions/",
        thread,
        "/themes/migration/data-gaps/",
        gap,
        "/data-gaps/",
        "/themes/migration/meetings/",
        "/themes/migration/meetings/?when=past",
        "/themes/migration/meetings/migration-users-spring/",
        "/themes/migration/meetings/migration-users-summer/",
        "/themes/migration/meetings/migration-users-summer/minutes/",
        "/meetings/",
        "/themes/the-economy/consultations/",
        "/themes/the-economy/consultations/labour-market-quarterly/",
        "/themes/migration/consultations/census-migration-outputs/responses/",
        "/themes/crime-and-justice/consultations/crime-survey-mixed-mode/",
        "/consultations/",
        f"/people/{member}/",
        "/search/",
        "/search/?query=migration",
        "/get-involved/",
        "/statistics/",
        "/statistics/long-term-international-migration/",
        "/themes/migration/figures/",
        f"/organisations/{ids['organisation']}/figures/",
        "/contacts/",
        "/contacts/?theme=migration",
        "/api/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/themes/no-such-theme/",
        # Welsh is longer than English: the pages most read, again in Welsh, with a
        # theme translated and one not (the English page with its notice).
        "/cy/",
        "/cy/themes/health-and-social-care/",
        "/cy/themes/migration/",
        "/cy/themes/migration/discussions/",
        "/cy/data-gaps/",
        "/cy/meetings/",
        "/cy/consultations/",
        "/cy/statistics/",
        "/cy/accounts/login/",
    ]


def member_pages(ids):
    thread = ids["thread"]
    return [
        "/my/",
        "/my/notifications/",
        "/get-involved/",
        "/accounts/profile/",
        "/accounts/notifications/",
        "/accounts/your-data/",
        "/accounts/delete/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/themes/migration/members/",
        "/themes/migration/become-a-producer/",
        "/themes/migration/discussions/new/",
        thread,
        thread + "report/",
        "/themes/migration/data-gaps/new/",
        ids["raise_gap"],
        "/statistics/long-term-international-migration/ask/",
        "/themes/migration/meetings/migration-users-spring/register/",
        "/themes/the-economy/consultations/labour-market-quarterly/respond/",
        "/themes/the-economy/consultations/labour-market-quarterly/respond/2/",
        ids["your_response"],
        "/accounts/logout/",
    ]


def chair_pages(ids):
    meeting, minutes, theme = ids["next_meeting"], ids["minutes"], ids["theme"]
    return [
        "/admin/",
        f"/admin/pages/{theme}/",
        f"/admin/pages/{meeting}/edit/",
        f"/admin/pages/{minutes}/edit/",
        f"/admin/meetings/{meeting}/attendees/",
        "/admin/moderation/",
        ids["thread"] + "edit/",
        ids["action_status"],
    ]


def producer_pages(ids):
    gap = ids["gap"]
    return [
        "/admin/",
        "/admin/data-gaps/",
        gap + "triage/",
        gap + "links/",
    ]


def editor_pages(ids):
    consultation = ids["consultation"]
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{ids['home']}/",
        f"/admin/pages/{consultation}/edit/",
        f"/admin/pages/{ids['open_consultation']}/edit/",
        f"/admin/consultations/{consultation}/responses/",
        f"/admin/consultations/{consultation}/responses/{ids['response']}/",
        f"/admin/pages/{ids['theme']}/edit/",
        f"/admin/pages/{ids['standard']}/edit/",
        "/admin/snippets/accounts/organisation/",
        "/admin/theme_roles/",
        "/admin/producer_requests/",
        "/admin/email-suppressions/",
        "/admin/emails-received/",
        "/admin/snippets/catalogue/statistic/",
        "/admin/snippets/catalogue/statistic/import/",
    ]


def demo_ids():
    thread = Thread.objects.get(
        title__startswith="Where are revisions to the long-term international"
    )
    gap = DataGap.objects.get(
        title="Net migration for each local authority, every quarter"
    )
    submitted = ConsultationResponse.objects.submitted()
    response = submitted.exclude(user__email="member@example.org").first()
    mine = submitted.filter(user__email="member@example.org").first()
    pages = of_record(Page.objects)  # English: a Welsh translation shares its slug
    # An action of the minutes of the theme the demo chair chairs.
    housing = of_record(ThemePage.objects).get(slug="housing-and-planning")
    action = ActionItem.objects.filter(
        page__in=MinutesPage.objects.live().descendant_of(housing)
    ).first()
    return {
        "action_status": f"/themes/{housing.slug}/actions/{action.pk}/status/",
        "thread": thread.get_absolute_url(),
        "raise_gap": f"/themes/{thread.theme.slug}/discussions/{thread.pk}/raise-gap/",
        "gap": gap.get_absolute_url(),
        "member": User.objects.get(email="member@example.org").pk,
        "theme": of_record(ThemePage.objects).get(slug="migration").pk,
        "next_meeting": EventPage.objects.get(slug="migration-users-spring").pk,
        "minutes": MinutesPage.objects.first().pk,
        "consultation": response.consultation_id,
        "open_consultation": pages.get(slug="labour-market-quarterly").pk,
        "response": response.pk,
        "your_response": mine.consultation.url + f"response/{mine.pk}/",
        "home": pages.get(depth=2).pk,
        "standard": pages.get(slug="accessibility").pk,
        "organisation": of_record(Organisation.objects).get(acronym="ONS").pk,
    }


def sign_in_demo(page, email):
    """Sign in as a demo user; staff also give a code from an authenticator app."""
    page.goto("/accounts/logout/")
    if page.get_by_role("button", name="Sign out").count():
        page.get_by_role("button", name="Sign out").click()
    user = User.objects.get(email=email)
    if user.is_staff or user.groups.exists():
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        sign_in(page, email, DEFAULT_DEMO_PASSWORD)
        page.get_by_label("Code").fill(totp_code(secret))
        page.get_by_role("button", name="Sign In").click()
    else:
        sign_in(page, email, DEFAULT_DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()


def judge(page, path, failures):
    page.goto(path)
    settle(page)
    try:
        assert_accessible(page)
    except AssertionError as failure:
        failures.append(str(failure))


def view_names():
    """The named addresses of the site's own apps (not the admin's, not allauth's)."""
    names = set()

    def walk(resolver, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if str(pattern.pattern).startswith("admin/"):
                    continue
                if "allauth" in str(pattern.urlconf_name):
                    continue
                walk(pattern, pattern.namespace or namespace)
            elif pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver(), None)
    return names - {"wagtail_serve"}


# Who walks which pages: None is a visitor.
ROLES = {
    "visitor": (None, visitor_pages),
    "member": ("member@example.org", member_pages),
    "chair": ("chair@example.org", chair_pages),
    "producer": ("producer@example.org", producer_pages),
    "editor": ("editor@example.org", editor_pages),
}
# The walks, split so that each core takes about half.
WALKS = {
    "public-and-member": ["visitor", "member"],
    "admin": ["chair", "producer", "editor"],
}


def seeded_demo(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    settings.DEBUG = False
    return demo_ids()


@pytest.mark.parametrize("walk", WALKS)
def test_every_kind_of_page_is_accessible_and_reflows(page, settings, walk):
    ids = seeded_demo(settings)
    if walk == "public-and-member":
        # Checked on this walk's seeding rather than a third: each costs a minute.
        assert_every_address_and_kind_of_page_is_walked(ids)
    failures = []
    for role in WALKS[walk]:
        email, pages = ROLES[role]
        if email:
            sign_in_demo(page, email)
        for path in pages(ids):
            judge(page, path, failures)
    assert not failures, "\n\n".join(failures)


def assert_every_address_and_kind_of_page_is_walked(ids):
    listed = {path.split("?")[0] for _, pages in ROLES.values() for path in pages(ids)}
    assert {role for walk in WALKS.values() for role in walk} == set(ROLES)
    seen = {resolve(path).view_name for path in listed}
    missed = view_names() - seen - set(NOT_PAGES)
    assert not missed, f"Addresses nobody judged (walk them or say why not): {missed}"
    kinds = {type(p) for p in Page.objects.live().specific() if p.depth > 1}
    unjudged = {
        kind.__name__
        for kind in kinds
        if not any(p.url in listed for p in kind.objects.live())
    }
    assert not unjudged, f"Kinds of page nobody judged: {unjudged}"
