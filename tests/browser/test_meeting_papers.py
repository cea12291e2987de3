"""A chair uploads a meeting paper in the admin; it lands in their theme's papers."""

import pytest
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, settle
from tests.browser.test_account_journeys import sign_in_staff
from themes import services as theme_services
from themes.models import Role, ThemeCollection

pytestmark = pytest.mark.browser


@pytest.fixture
def chair(migration, editor):
    chair = UserFactory(email="chair@example.org", two_factor=True)
    theme_services.grant_role(
        migration, chair, Role.CHAIR, granted_by=editor, tell=False
    )
    return chair


def test_a_chair_uploads_a_meeting_paper_into_their_themes_collection(
    page, migration, chair, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    sign_in_staff(page, chair)

    page.goto("/admin/documents/add/")
    page.get_by_role("textbox", name="Title*").fill("Spring meeting agenda")
    page.get_by_label("File*").set_input_files(
        files=[
            {
                "name": "agenda.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4 agenda",
            }
        ]
    )
    assert_accessible(page)
    page.get_by_role("button", name="Upload").click()

    expect(page.get_by_text("Document 'Spring meeting agenda' added.")).to_be_visible()
    assert_accessible(page)
    settle(page)
    paper = get_document_model().objects.get(title="Spring meeting agenda")
    assert paper.collection == ThemeCollection.objects.get(theme=migration).collection
