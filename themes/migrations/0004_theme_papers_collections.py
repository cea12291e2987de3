# Each theme gets a Wagtail document collection for its papers, and its chairs and
# producers groups their rights in it (as themes.services.sync_theme_groups gives a
# new theme's). Going back removes the collections that hold no documents; any that
# do stay, with their documents, for an editor to file.

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F

from core.page_tree import STEPLEN, next_child_path

# themes.services.ROLE_DOCUMENT_PERMISSIONS when this migration was written.
ROLE_DOCUMENT_PERMISSIONS = {
    "chair": ["add_document", "change_document", "choose_document"],
    "producer": ["add_document", "choose_document"],
}


def give_each_theme_a_papers_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")
    ThemeCollection = apps.get_model("themes", "ThemeCollection")
    ThemeGroup = apps.get_model("themes", "ThemeGroup")
    root = Collection.objects.get(depth=1)
    themes = apps.get_model("themes", "ThemePage").objects.filter(papers_collection__isnull=True)
    for theme in themes.order_by("path"):
        name = theme.title[:230]
        if Collection.objects.filter(name=name).exists():
            name = f"{name} ({theme.pk})"
        collection = Collection.objects.create(
            path=next_child_path(Collection, root), depth=2, numchild=0, name=name
        )
        Collection.objects.filter(pk=root.pk).update(numchild=F("numchild") + 1)
        ThemeCollection.objects.create(theme=theme, collection=collection)
        for theme_group in ThemeGroup.objects.filter(theme=theme):
            for permission in Permission.objects.filter(
                content_type__app_label="wagtaildocs",
                codename__in=ROLE_DOCUMENT_PERMISSIONS[theme_group.role],
            ):
                GroupCollectionPermission.objects.create(
                    group_id=theme_group.group_id,
                    collection=collection,
                    permission=permission,
                )


def remove_empty_papers_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Document = apps.get_model("wagtaildocs", "Document")
    empty = apps.get_model("themes", "ThemeCollection").objects.exclude(
        collection__in=Document.objects.values("collection")
    )
    for collection in Collection.objects.filter(pk__in=empty.values("collection")):
        Collection.objects.filter(path=collection.path[:-STEPLEN]).update(
            numchild=F("numchild") - 1
        )
        collection.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0003_organisation_moves_to_accounts"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.CreateModel(
            name="ThemeCollection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "collection",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.collection",
                    ),
                ),
                (
                    "theme",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="papers_collection",
                        to="themes.themepage",
                    ),
                ),
            ],
        ),
        migrations.RunPython(
            give_each_theme_a_papers_collection, remove_empty_papers_collections
        ),
    ]
