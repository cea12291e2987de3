"""Producers and chairs link a gap to the discussions and meetings about it;
members raise a gap from a discussion, linked to it."""

from allauth.account.decorators import verified_email_required
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from connections import chain, services
from connections.models import ActionItem
from core.forms import IdMultipleChoiceField, RefuseControlCharacters
from core.idempotency import idempotent
from events.models import EventPage
from forums.models import Thread
from forums.visibility import threads_visible_to
from gaps import services as gap_services
from gaps.views.gap import raise_gap_page


class LinksForm(forms.Form):
    threads = IdMultipleChoiceField(
        label=_("Discussions about this gap"),
        queryset=Thread.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    meetings = IdMultipleChoiceField(
        label=_("Meetings that discussed it"),
        queryset=EventPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, gap, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "threads": list(Thread.objects.filter(gap_links__data_gap=gap)),
                "meetings": list(EventPage.objects.filter(gap_links__data_gap=gap)),
            },
        )
        super().__init__(*args, **kwargs)
        # Only the theme's own, only what members can see: the liveliest 200 and
        # whatever is linked already.
        recent = Thread.objects.filter(theme=gap.theme, is_public=True).order_by(
            "-last_activity_at"
        )
        choices = {*recent.values_list("pk", flat=True)[:200]}
        choices.update(gap.thread_links.values_list("thread", flat=True))
        self.fields["threads"].queryset = recent.filter(pk__in=choices)
        self.fields["meetings"].queryset = (
            EventPage.objects.live().descendant_of(gap.theme).order_by("-start")
        )


def gap_in_theme(request, theme_slug, pk):
    return get_object_or_404(
        gap_services.gaps_visible_to(request.user).select_related("theme"),
        pk=pk,
        theme__slug=theme_slug,
    )


@login_required
def edit_links(request, theme_slug, pk):
    gap = gap_in_theme(request, theme_slug, pk)
    if not gap_services.may_triage(request.user, gap.theme):
        raise PermissionDenied(
            gettext("Only the theme's producers and chairs link its gaps.")
        )
    # Unticking every box posts nothing, which is still a choice.
    form = LinksForm(request.POST if request.method == "POST" else None, gap=gap)
    if request.method == "POST" and form.is_valid():
        services.set_gap_links(
            request.user,
            gap,
            form.cleaned_data["threads"],
            form.cleaned_data["meetings"],
        )
        messages.success(request, gettext("The gap's links are saved."))
        return redirect(gap.get_absolute_url())
    return TemplateResponse(
        request,
        "connections/gap_links.html",
        {"gap": gap, "form": form},
        status=400 if form.errors else 200,
    )


@verified_email_required
@idempotent
def raise_gap_from_thread(request, theme_slug, pk):
    """The register's own form, for a gap that came up in a public discussion the
    member sees; the two are linked when the gap is raised."""
    thread = get_object_or_404(
        threads_visible_to(request.user).filter(is_public=True).select_related("theme"),
        pk=pk,
        theme__slug=theme_slug,
    )
    return raise_gap_page(
        request,
        thread.theme,
        initial={"statistics": list(thread.statistics.all())},
        raised=lambda gap: services.link_gap_raised_from(gap, thread),
        from_thread=thread,
    )


class ActionStatusForm(RefuseControlCharacters, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActionItem.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the action's status.")},
    )
    note = forms.CharField(
        label=_("What has happened (optional)"),
        help_text=_("Shown beside the status: what was done, or why it was dropped."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@login_required
def update_action_status(request, theme_slug, pk):
    """A producer or chair records what became of an action of approved minutes,
    without a new revision of them."""
    action = get_object_or_404(
        chain.published_actions().select_related("page", "status_changed_by"),
        pk=pk,
        page__path__startswith=get_object_or_404(
            services.ThemePage.objects.live(), slug=theme_slug
        ).path,
    )
    theme = services.theme_of_action(action)
    if not services.may_update_action(request.user, theme):
        raise PermissionDenied(
            gettext("Only the theme's producers and chairs update its actions.")
        )
    form = ActionStatusForm(
        request.POST if request.method == "POST" else None,
        initial={"status": action.status, "note": action.status_note},
    )
    if request.method == "POST" and form.is_valid():
        services.update_action_status(
            request.user,
            action,
            form.cleaned_data["status"],
            form.cleaned_data["note"],
        )
        messages.success(request, gettext("The action's status is updated."))
        return redirect(action.page.url + "#actions")
    return TemplateResponse(
        request,
        "connections/action_status.html",
        {"action_item": action, "theme": theme, "form": form},
        status=400 if form.errors else 200,
    )
