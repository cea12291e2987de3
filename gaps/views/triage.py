"""Triage on the site: a theme's producer or chair moves a gap on, with a note."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from gaps import notifications, services
from gaps.forms import TriageForm


def get_gap(request, theme_slug, pk):
    return get_object_or_404(
        services.gaps_visible_to(request.user).select_related(
            "theme", "duplicate_of", "owner_organisation", "owner_contact"
        ),
        pk=pk,
        theme__slug=theme_slug,
    )


def changed_message(gap, told):
    return ngettext(
        "Status changed to %(status)s. %(count)d person has been told.",
        "Status changed to %(status)s. %(count)d people have been told.",
        told,
    ) % {"status": gap.get_status_display(), "count": told}


@verified_email_required
def triage(request, theme_slug, pk):
    """The whole triage form on a page of its own: without JavaScript, and for
    errors, since the gap page only includes the form."""
    gap = get_gap(request, theme_slug, pk)
    if not services.may_triage(request.user, gap.theme):
        raise PermissionDenied(
            _("Only the theme's producers and chairs triage its gaps.")
        )
    form = TriageForm(request.POST or None, gap=gap)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                gap = services.change_status(gap, request.user, **form.changes())
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                told = len(notifications.people_to_tell(gap, except_user=request.user))
                messages.success(request, changed_message(gap, told))
                return redirect(gap.get_absolute_url())
        status = 400
    return render(
        request,
        "gaps/triage.html",
        {"page": gap.theme, "theme": gap.theme, "gap": gap, "triage_form": form},
        status=status,
    )


@require_POST
@verified_email_required
def approve(request, theme_slug, pk):
    """Let a new member's held gap onto the register."""
    gap = get_gap(request, theme_slug, pk)
    services.approve_gap(gap, request.user)
    messages.success(request, _("The data gap is on the register for everyone to see."))
    return redirect(gap.get_absolute_url())


@verified_email_required
def reject(request, theme_slug, pk):
    """Ask, then delete a held gap: it never reaches the register."""
    gap = get_gap(request, theme_slug, pk)
    if not services.may_triage(request.user, gap.theme):
        raise PermissionDenied(_("Only the theme's producers and chairs reject gaps."))
    if gap.is_public:
        messages.info(
            request,
            _(
                "This data gap is on the register already, so it cannot be "
                "rejected. Give it a status instead."
            ),
        )
        return redirect(gap)
    if request.method == "POST":
        services.reject_gap(gap, request.user)
        messages.success(
            request,
            _(
                "You rejected the data gap “%(title)s”. It is deleted: nobody else "
                "saw it."
            )
            % {"title": gap.title},
        )
        return redirect("gaps:register", theme_slug=gap.theme.slug)
    return render(
        request,
        "gaps/reject.html",
        {"page": gap.theme, "theme": gap.theme, "gap": gap},
    )
