"""Every kind of public address the demo site has, written down, with its answer.

The list is literal on purpose: a routing change that moves an address, or makes an
old one answer differently, fails here instead of silently. Only the numbers the
database assigns (a thread's or a gap's id) are filled in. A redirect names where
it goes. When an address must change, the old one redirects: change its row to
that redirect, never delete it.
"""

import pytest
from django.core.management import call_command

from accounts.models import User
from forums.models import Thread
from gaps.models import DataGap

pytestmark = pytest.mark.django_db


def signing_in(path):
    """A page for signed-in people sends a visitor to sign in, then back."""
    return (path, 302, f"/accounts/login/?next={path}")


THREAD = (
    "/themes/migration/discussions/"
    "{thread}-where-are-revisions-to-the-long-term-international-migration/"
)
GAP = "/themes/migration/data-gaps/{gap}/"

# (path, status, where a redirect goes) for someone who is not signed in.
VISITOR = [
    ("/", 200, None),
    ("/about/", 200, None),
    ("/code-of-conduct/", 200, None),
    ("/accessibility/", 200, None),
    ("/privacy/", 200, None),
    ("/themes/", 200, None),
    ("/themes/migration/", 200, None),
    ("/themes/migration/activity.atom", 200, None),
    signing_in("/themes/migration/members/"),
    ("/themes/migration/join/", 405, None),
    ("/themes/migration/leave/", 405, None),
    signing_in("/themes/migration/become-a-producer/"),
    ("/themes/migration/discussions/", 200, None),
    ("/themes/migration/discussions/?page=2", 200, None),
    signing_in("/themes/migration/discussions/new/"),
    (THREAD, 200, None),
    (THREAD + "feed/", 200, None),
    (THREAD + "reply/", 405, None),
    signing_in(THREAD + "edit/"),
    ("/themes/migration/data-gaps/", 200, None),
    ("/themes/migration/data-gaps/?format=csv", 200, None),
    ("/themes/migration/data-gaps/?format=json", 200, None),
    ("/themes/migration/data-gaps/feed/", 200, None),
    signing_in("/themes/migration/data-gaps/new/"),
    (GAP, 200, None),
    (GAP + "feed/", 200, None),
    signing_in(GAP + "triage/"),
    signing_in(GAP + "links/"),
    ("/data-gaps/", 200, None),
    ("/data-gaps/?format=csv", 200, None),
    ("/data-gaps/?format=json", 200, None),
    ("/data-gaps/feed/", 200, None),
    ("/data-gaps/similar/?title=migration", 200, None),
    # A theme's sections list its meetings and consultations (new in issue 12).
    ("/themes/migration/meetings/", 200, None),
    ("/themes/migration/meetings/?when=past", 200, None),
    ("/themes/the-economy/consultations/", 200, None),
    ("/themes/the-economy/consultations.atom", 200, None),
    ("/themes/migration/meetings/migration-users-spring/", 200, None),
    ("/themes/migration/meetings/migration-users-spring/calendar/", 200, None),
    signing_in("/themes/migration/meetings/migration-users-spring/register/"),
    ("/themes/migration/meetings/migration-users-summer/", 200, None),
    ("/themes/migration/meetings/migration-users-summer/minutes/", 200, None),
    ("/themes/migration/meetings.ics", 200, None),
    ("/themes/migration/meetings.atom", 200, None),
    ("/meetings/", 200, None),
    ("/meetings/?theme=migration", 200, None),
    ("/meetings.ics", 200, None),
    ("/meetings.atom", 200, None),
    ("/consultations/", 200, None),
    ("/consultations.atom", 200, None),
    ("/themes/the-economy/consultations/labour-market-quarterly/", 200, None),
    ("/themes/the-economy/consultations/labour-market-quarterly/respond/", 200, None),
    ("/themes/migration/consultations/census-migration-outputs/responses/", 200, None),
    ("/themes/crime-and-justice/consultations/crime-survey-mixed-mode/", 200, None),
    ("/people/{member}/", 200, None),
    ("/search/", 200, None),
    ("/search/?query=migration", 200, None),
    ("/get-involved/", 200, None),
    ("/get-involved.atom", 200, None),
    ("/get-involved.ics", 200, None),
    ("/sitemap.xml", 200, None),
    ("/robots.txt", 200, None),
    # The open read API (issue 14): its documentation, schema, Wagtail's pages and
    # our lists; read only.
    ("/api/", 200, None),
    ("/api/schema/", 200, None),
    ("/api/v2/", 200, None),
    ("/api/v2/pages/", 200, None),
    ("/api/v2/pages/?type=events.EventPage&fields=start,format", 200, None),
    ("/api/v2/threads/", 200, None),
    ("/api/v2/threads/?theme=migration&sort=unanswered", 200, None),
    ("/api/v2/threads/{thread}/", 200, None),
    ("/api/v2/threads/{thread}/replies/", 200, None),
    ("/api/v2/data-gaps/", 200, None),
    ("/api/v2/data-gaps/?theme=migration&status=open", 200, None),
    ("/api/v2/data-gaps/{gap}/", 200, None),
    ("/api/v2/meetings/", 200, None),
    ("/api/v2/meetings/?when=past&format=online", 200, None),
    ("/api/v2/consultations/", 200, None),
    ("/api/v2/consultations/?state=open", 200, None),
    ("/api/v2/organisations/", 200, None),
    ("/api/v2/contacts/?theme=migration", 200, None),
    ("/api/v2/statistics/?theme=migration", 200, None),
    ("/api/v2/statistics/?status=nonsense", 400, None),
    ("/api/v2/threads/?sort=oldest", 400, None),
    ("/api/v2/threads/?theme=no-such-theme", 404, None),
    ("/api/v2/threads/999999999/", 404, None),
    signing_in("/my/"),
    signing_in("/my/notifications/"),
    signing_in("/my/notifications/1/"),
    signing_in("/my/notifications/read/"),
    ("/accounts/", 302, "/my/"),
    ("/accounts/login/", 200, None),
    ("/accounts/signup/", 200, None),
    ("/accounts/password/reset/", 200, None),
    signing_in("/accounts/profile/"),
    signing_in("/accounts/notifications/"),
    signing_in("/accounts/your-data/"),
    signing_in("/accounts/delete/"),
    signing_in("/accounts/email/resume/"),
    signing_in("/admin/"),
    # Wagtail's own sign-in forms would skip allauth's checks.
    ("/admin/login/", 302, "/accounts/login/"),
    ("/_util/login/", 302, "/accounts/login/"),
    # A child page answers only at its own address, not at its place in the tree
    # or under another kind's prefix.
    ("/themes/migration/migration-users-spring/", 404, None),
    ("/themes/migration/consultations/migration-users-spring/", 404, None),
    ("/themes/migration/meetings/census-migration-outputs/", 404, None),
    ("/themes/migration/migration-users-summer/minutes/", 404, None),
    ("/themes/no-such-theme/", 404, None),
    ("/themes/no-such-theme/discussions/", 404, None),
    ("/themes/no-such-theme/data-gaps/", 404, None),
    ("/themes/no-such-theme/meetings.ics", 404, None),
    ("/themes/no-such-theme/meetings.atom", 404, None),
    ("/themes/no-such-theme/consultations.atom", 404, None),
    ("/themes/no-such-theme/activity.atom", 404, None),
    ("/statistics/", 200, None),
    ("/statistics/?theme=999999&status=nonsense", 200, None),
    ("/statistics/long-term-international-migration/", 200, None),
    ("/statistics/long-term-international-migration/follow/", 405, None),
    ("/statistics/no-such-statistic/", 404, None),
    ("/themes/migration/figures/", 200, None),
    ("/themes/migration/figures/questions.csv", 200, None),
    ("/themes/migration/figures/no-such-figure.csv", 404, None),
    ("/themes/no-such-theme/figures/", 404, None),
    ("/organisations/999999/figures/", 404, None),
    ("/did-this-meet-your-need/not-a-signed-link/", 404, None),
    ("/contacts/", 200, None),
    # A statistic contact's stop link with no signature: a 400 page saying so.
    ("/contacts/stop/not-a-signed-link/", 400, None),
    ("/contacts/?theme=migration&organisation=nonsense&q=migration", 200, None),
]

# The same for the demo member (member@example.org), who has joined migration.
MEMBER = [
    ("/my/", 200, None),
    ("/my/notifications/", 200, None),
    ("/my/notifications/?page=2", 200, None),
    # Nobody's notification, or not the member's: not there.
    ("/my/notifications/999999/", 404, None),
    ("/my/notifications/read/", 405, None),
    ("/accounts/", 302, "/my/"),
    ("/accounts/login/", 302, "/my/"),
    ("/accounts/profile/", 200, None),
    ("/accounts/notifications/", 200, None),
    ("/accounts/your-data/", 200, None),
    ("/accounts/delete/", 200, None),
    # Resuming email is a button (POST) on the account page.
    ("/accounts/email/resume/", 405, None),
    ("/accounts/email/", 200, None),
    ("/accounts/password/change/", 200, None),
    ("/accounts/2fa/", 200, None),
    ("/themes/migration/members/", 200, None),
    ("/themes/migration/become-a-producer/", 200, None),
    ("/themes/migration/discussions/new/", 200, None),
    (THREAD + "edit/", 403, None),
    ("/themes/migration/data-gaps/new/", 200, None),
    (GAP + "triage/", 403, None),
    ("/themes/migration/meetings/migration-users-spring/register/", 200, None),
    ("/themes/the-economy/consultations/labour-market-quarterly/respond/", 200, None),
    (
        "/themes/the-economy/consultations/labour-market-quarterly/respond/2/",
        200,
        None,
    ),
    ("/statistics/long-term-international-migration/", 200, None),
    ("/statistics/long-term-international-migration/follow/", 405, None),
    # The admin is for producers, chairs and editors.
    signing_in("/admin/"),
]


def answers(client, rows, ids):
    """Each row's answer now, beside the row with the database's ids filled in."""
    expected, found = [], []
    for path, status, location in rows:
        path = path.format(**ids)
        response = client.get(path)
        expected.append((path, status, location and location.format(**ids)))
        found.append((path, response.status_code, response.get("Location")))
    return expected, found


def test_every_address_of_the_demo_site_answers_as_it_did(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=None)
    settings.DEBUG = False
    thread = Thread.objects.get(
        title__startswith="Where are revisions to the long-term international"
    )
    gap = DataGap.objects.get(
        title="Net migration for each local authority, every quarter"
    )
    member = User.objects.get(email="member@example.org")
    ids = {"thread": thread.pk, "gap": gap.pk, "member": member.pk}

    visitor_expected, visitor_found = answers(client, VISITOR, ids)
    client.force_login(member)
    member_expected, member_found = answers(client, MEMBER, ids)

    assert visitor_found == visitor_expected
    assert member_found == member_expected
