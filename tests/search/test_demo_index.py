import pytest
from django.core.management import call_command

from search.models import Kind, SearchDocument

pytestmark = pytest.mark.django_db


def test_the_demo_content_is_searchable(settings, client):
    settings.DEBUG = True

    call_command("seed_demo", stdout=None)

    kinds = set(SearchDocument.objects.values_list("kind", flat=True))
    assert {
        Kind.QUESTION,
        Kind.REPLY,
        Kind.DATA_GAP,
        Kind.CONSULTATION,
        Kind.MEETING,
        Kind.THEME,
        Kind.PAGE,
    } <= kinds
    response = client.get("/search/", {"query": "migration"})
    assert response.context["results"].paginator.count > 3
