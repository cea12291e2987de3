"""Moving pages in data migrations, where historical models have no treebeard API.

Treebeard's materialised path: each level of the tree is STEPLEN characters of
base 36 (0-9 then A-Z), a page's children are the paths one step longer than its
own, `numchild` counts them, and Wagtail's `url_path` is the slugs from the root.
Everything here works on the models a migration's `apps` gives, by SQL updates.
"""

from django.db.models import F
from django.utils import timezone

STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def step(number):
    """One level of a path: `number` in base 36, STEPLEN characters wide."""
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def children(model, parent):
    return model.objects.filter(
        path__startswith=parent.path, depth=parent.depth + 1
    ).order_by("path")


def next_child_path(page_model, parent):
    last = children(page_model, parent).values_list("path", flat=True).last()
    return parent.path + step(int(last[-STEPLEN:], 36) + 1 if last else 1)


def add_child(page_model, model, parent, **fields):
    """Save a new live `model` page as the last child of `parent`."""
    now = timezone.now()
    page = model(
        path=next_child_path(page_model, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/",
        draft_title=fields["title"],
        locale_id=parent.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    page.save()
    page_model.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return page


def move(page_model, page, new_parent):
    """Make `page`, with everything under it, the last child of `new_parent`."""
    old_path, old_url_path = page.path, page.url_path
    new_path = next_child_path(page_model, new_parent)
    new_url_path = f"{new_parent.url_path}{page.slug}/"
    depth_change = new_parent.depth + 1 - page.depth
    for pk, path, depth, url_path in page_model.objects.filter(
        path__startswith=old_path
    ).values_list("pk", "path", "depth", "url_path"):
        page_model.objects.filter(pk=pk).update(
            path=new_path + path[len(old_path) :],
            depth=depth + depth_change,
            url_path=new_url_path + url_path[len(old_url_path) :],
        )
    page_model.objects.filter(path=old_path[:-STEPLEN]).update(
        numchild=F("numchild") - 1
    )
    page_model.objects.filter(pk=new_parent.pk).update(numchild=F("numchild") + 1)


def rename(page_model, page, slug):
    """Give `page` a new slug, and everything under it the url_path that follows."""
    old_url_path = page.url_path
    new_url_path = f"{old_url_path.rstrip('/').rpartition('/')[0]}/{slug}/"
    page_model.objects.filter(pk=page.pk).update(slug=slug)
    for pk, url_path in page_model.objects.filter(
        path__startswith=page.path
    ).values_list("pk", "url_path"):
        page_model.objects.filter(pk=pk).update(
            url_path=new_url_path + url_path[len(old_url_path) :]
        )
