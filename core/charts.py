"""Figures as small tables, and their bar charts drawn on the server as SVG with
pygal (docs/architecture.md says why).

pygal's SVG carries its own <style>, a <script> and a tooltip with a style
attribute: the site's Content Security Policy refuses all three, so they are taken
out and the site's stylesheet colours the chart (.sf-chart). The chart is one image
to a screen reader, named by its title and described by its summary; the table
beside it holds the same figures."""

from dataclasses import dataclass
from xml.etree import ElementTree

import pygal
from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH, BAR_HEIGHT, MIN_HEIGHT = 640, 36, 160
# Long labels (a meeting's title) would squeeze the bars: the table has them whole.
LABEL_CHARACTERS = 28
DROPPED = {"style", "script", "defs"}
SVG_NAMESPACE = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Figure:
    """A figure: a sentence saying what it shows, and its table (the CSV download,
    the table beside its chart)."""

    slug: str
    title: str
    summary: str
    header: tuple
    rows: list
    # The column the chart draws (None: no chart, the table says it best).
    chart_column: int | None = 1
    # Where each row's first cell links to, if anywhere; the table on the page
    # shows the link, and only the CSV the last column, the full address.
    links: tuple = ()

    @property
    def shown_header(self):
        return self.header[:-1] if self.links else self.header

    @property
    def shown_rows(self):
        if not self.links:
            return [(None, row) for row in self.rows]
        return [
            (link, row[:-1]) for link, row in zip(self.links, self.rows, strict=True)
        ]


def bar_chart(figure, column=None):
    """The figure's chosen column as a horizontal bar chart, an <svg> to put in a
    page, or "" when it has nothing to draw."""
    column = figure.chart_column if column is None else column
    if column is None or not figure.rows:
        return ""
    values = [row[column] for row in figure.rows]
    if not any(values):
        return ""
    chart = pygal.HorizontalBar(
        js=[],
        css=[],
        no_prefix=True,
        disable_xml_declaration=True,
        explicit_size=False,
        show_legend=False,
        print_values=True,
        print_zeroes=False,
        truncate_label=LABEL_CHARACTERS,
        width=WIDTH,
        height=max(MIN_HEIGHT, BAR_HEIGHT * len(values) + 60),
        margin=12,
    )
    # pygal draws a horizontal bar chart's first row at the bottom; reversed, the
    # chart reads in the table's order.
    chart.x_labels = [str(row[0]) for row in reversed(figure.rows)]
    chart.add(figure.header[column], list(reversed(values)))
    root = chart.render_tree()
    return mark_safe(_accessible(root, figure))  # noqa: S308 (built from the tree below)


def _accessible(root, figure):
    for parent in list(root.iter()):
        for child in list(parent):
            tag = child.tag if isinstance(child.tag, str) else ""
            local = tag.rsplit("}", 1)[-1]
            classes = (child.get("class") or "").split()
            if (
                not tag  # a comment
                or local in DROPPED
                or local in {"title", "desc"}
                or "tooltip-overlay" in classes
            ):
                parent.remove(child)
    svg = _serialise(root)
    title_id, desc_id = f"chart-{figure.slug}-title", f"chart-{figure.slug}-desc"
    opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sf-chart__svg" '
        f'viewBox="{root.get("viewBox")}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" focusable="false">'
        f'<title id="{title_id}">{escape(figure.title)}</title>'
        f'<desc id="{desc_id}">{escape(figure.summary)}</desc>'
    )
    return opening + svg[svg.index(">") + 1 :]


def _serialise(root):
    ElementTree.register_namespace("", SVG_NAMESPACE)
    return ElementTree.tostring(root, encoding="unicode")
