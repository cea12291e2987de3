"""The data migrations that give each theme a section index page (its meetings, its
consultations) and move the section's pages under it, and back."""

from django.db.models import F

from core.page_tree import STEPLEN, add_child, children, move, rename


def gather_into_sections(
    apps, app_label, section_name, page_name, slug, title, moved_elsewhere=()
):
    """Give every theme its `section_name` index (`slug`, `title`) and move the
    theme's `page_name` pages, with their subpages, under it.

    `moved_elsewhere`: the app labels of pages that other sections' migrations move
    away from the theme, so that a slug they share with this section clashes only
    for a moment.
    """
    page_model = apps.get_model("wagtailcore", "Page")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    section_model = apps.get_model(app_label, section_name)
    feature_page_model = apps.get_model(app_label, page_name)
    section_type, _ = content_type_model.objects.get_or_create(
        app_label=app_label, model=section_name.lower()
    )
    for theme in apps.get_model("themes", "ThemePage").objects.order_by("path"):
        section = children(section_model, theme).first()
        if section is None:
            # A page of another kind already at the section's address would make
            # the theme's children share a slug: it takes its id as well.
            for other in (
                children(page_model, theme)
                .filter(slug=slug)
                .exclude(content_type__app_label__in=[app_label, *moved_elsewhere])
            ):
                rename(page_model, other, f"{slug}-{other.pk}")
            section = add_child(
                page_model,
                section_model,
                theme,
                title=title,
                slug=slug,
                content_type=section_type,
            )
        for page in list(children(feature_page_model, theme)):
            move(page_model, page, section)


def spread_out_of_sections(apps, app_label, section_name):
    """Undo gather_into_sections: the pages go back under their theme, the
    indexes go."""
    page_model = apps.get_model("wagtailcore", "Page")
    for section in apps.get_model(app_label, section_name).objects.order_by("path"):
        theme = page_model.objects.get(path=section.path[:-STEPLEN])
        for page in list(children(page_model, section)):
            move(page_model, page, theme)
        page_model.objects.filter(pk=section.pk).delete()
        page_model.objects.filter(pk=theme.pk).update(numchild=F("numchild") - 1)
