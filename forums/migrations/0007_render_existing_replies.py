"""Render every reply's Markdown once, so pages show them straight after migrating.

In batches of 500 in the order they were posted. `manage.py render_posts` does the
same later, whenever the renderer changes (forums/rendering.py).
"""

from django.db import migrations

from forums.markdown import RENDERER_VERSION
from forums.mentions import render_posts

BATCH_SIZE = 500


def render_existing_replies(apps, schema_editor):
    XtdComment = apps.get_model("django_comments_xtd", "XtdComment")
    RenderedReply = apps.get_model("forums", "RenderedReply")
    last = 0
    while batch := list(
        XtdComment.objects.filter(pk__gt=last)
        .order_by("pk")
        .values_list("pk", "comment")[:BATCH_SIZE]
    ):
        rendered = render_posts([comment for _, comment in batch])
        RenderedReply.objects.bulk_create(
            [
                RenderedReply(reply_id=pk, html=html, renderer_version=RENDERER_VERSION)
                for (pk, _), html in zip(batch, rendered, strict=True)
            ],
            ignore_conflicts=True,
        )
        last = batch[-1][0]


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_user_handle"),
        ("forums", "0006_reply_html_rendered_at_save"),
    ]

    operations = [
        migrations.RunPython(render_existing_replies, migrations.RunPython.noop),
    ]
