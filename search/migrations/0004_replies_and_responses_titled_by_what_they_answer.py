"""A reply's or a response's document holds the title of what it answers, without
the English "Reply to " or "Response to " before it: the results say that in the
reader's language (search.query.titled)."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Substr

PREFIXES = {"reply": "Reply to ", "response": "Response to "}


def recount_words(documents, schema_editor):
    # On PostgreSQL the document's words are kept beside it (search.indexing).
    if schema_editor.connection.vendor == "postgresql":
        from search.indexing import search_vector

        documents.update(search_vector=search_vector())


def drop_prefixes(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    for kind, prefix in PREFIXES.items():
        documents = SearchDocument.objects.filter(kind=kind, title__startswith=prefix)
        documents.update(title=Substr("title", len(prefix) + 1))
    recount_words(SearchDocument.objects.filter(kind__in=PREFIXES), schema_editor)


def add_prefixes(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    for kind, prefix in PREFIXES.items():
        SearchDocument.objects.filter(kind=kind).update(
            title=Concat(Value(prefix), "title")
        )
    recount_words(SearchDocument.objects.filter(kind__in=PREFIXES), schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_statistics_are_found")]

    operations = [migrations.RunPython(drop_prefixes, add_prefixes)]
