"""The links' editing panels, added to the features' pages from here.

The pages' forms are built the first time they are used, after every app is
ready, so the features' panels need not name what links them. The lists are
extended in place: a page's `edit_handler` tabs hold the same list."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel, MultiFieldPanel, MultipleChooserPanel


def add_link_panels():
    minutes = apps.get_model("events", "MinutesPage")
    minutes.content_panels.append(
        InlinePanel("action_items", heading=_("Action items"), label=_("Action"))
    )
    consultation = apps.get_model("consultations", "ConsultationPage")
    consultation.content_panels.append(
        MultiFieldPanel(
            [
                MultipleChooserPanel(
                    "gap_links", chooser_field_name="data_gap", label=_("Data gap")
                ),
                MultipleChooserPanel(
                    "thread_links", chooser_field_name="thread", label=_("Discussion")
                ),
            ],
            heading=_("What it concerns"),
        )
    )
