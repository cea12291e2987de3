"""Uploads in an S3-compatible store, as the production settings configure it from the
environment, so every app server sees every upload: a real S3 server (moto's, on a
spare loopback port) holds what editors upload through Wagtail's admin."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from accounts.factories import UserFactory
from tests.servers import S3Server

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
READ_PRODUCTION_SETTINGS = """
import json
from statsforum.settings import production
print(json.dumps({
    "STORAGES": production.STORAGES,
    "WAGTAILDOCS_SERVE_METHOD": getattr(production, "WAGTAILDOCS_SERVE_METHOD", None),
}))
"""


def production_settings(**env):
    """The production settings module's storage settings, loaded in a fresh
    interpreter with `env`, as a deployment would load them."""
    result = subprocess.run(
        [sys.executable, "-c", READ_PRODUCTION_SETTINGS],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "SECRET_KEY": "k3y-" + "x7Qz!" * 12,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def s3():
    server = S3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def uploads_in_s3(s3, settings, tmp_path):
    production = production_settings(**s3.environment)
    uploads = production["STORAGES"]["default"]
    settings.STORAGES = {**settings.STORAGES, "default": uploads}
    settings.WAGTAILDOCS_SERVE_METHOD = production["WAGTAILDOCS_SERVE_METHOD"]
    # Nothing may reach the local folder: a second server would not see it.
    settings.MEDIA_ROOT = tmp_path / "never-written"
    return s3


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, two_factor=True))
    return client


def stored_keys(s3):
    listing = s3.client().list_objects_v2(Bucket=s3.bucket)
    return {item["Key"] for item in listing.get("Contents", [])}


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    production = production_settings()

    assert production["STORAGES"]["default"]["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage"
    )
    assert production["WAGTAILDOCS_SERVE_METHOD"] is None


def test_a_named_bucket_puts_uploads_in_s3_with_the_given_address_and_domain():
    production = production_settings(
        AWS_STORAGE_BUCKET_NAME="uploads",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )

    default = production["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "uploads"
    assert default["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert default["OPTIONS"]["custom_domain"] == "media.example.org"
    assert default["OPTIONS"]["file_overwrite"] is False
    assert production["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


def test_a_document_uploaded_through_wagtail_is_stored_in_s3_and_served_back(
    uploads_in_s3, superuser_client, settings
):
    content = b"year,value\r\n2025,42\r\n"

    response = superuser_client.post(
        "/admin/documents/add/",
        {
            "title": "Quarterly figures",
            "file": SimpleUploadedFile("figures.csv", content, "text/csv"),
            "collection": 1,
        },
    )

    assert response.status_code == 302, response.content[:2000]
    document = Document.objects.get(title="Quarterly figures")
    assert document.file.name in stored_keys(uploads_in_s3)
    assert not Path(settings.MEDIA_ROOT).exists()
    served = superuser_client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == content


def test_an_image_uploaded_through_wagtail_and_its_rendition_are_read_from_s3(
    uploads_in_s3, superuser_client
):
    response = superuser_client.post(
        "/admin/images/add/",
        {
            "title": "Chart",
            "file": SimpleUploadedFile(
                "chart.png", get_test_image_file().file.getvalue(), "image/png"
            ),
            "collection": 1,
        },
    )

    assert response.status_code == 302, response.content[:2000]
    image = Image.objects.get(title="Chart")
    rendition = image.get_rendition("width-100")
    assert {image.file.name, rendition.file.name} <= stored_keys(uploads_in_s3)
    # Its URL is the bucket's (signed), which any server or browser can read.
    fetched = requests.get(rendition.url, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content[:8] == b"\x89PNG\r\n\x1a\n"
