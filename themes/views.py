from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from core.idempotency import idempotent
from themes import services
from themes.forms import JoinThemeForm, ProducerRequestForm

MEMBERS_PER_PAGE = 50


@require_POST
@verified_email_required
def join_theme(request, theme):
    form = JoinThemeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose how often we should email you, from the list.")
        return redirect(theme.url)
    services.join_theme(request.user, theme, form.cleaned_data["frequency"] or None)
    messages.success(request, f"You have joined {theme.title}.")
    return redirect(theme.url)


@require_POST
@verified_email_required
def leave_theme(request, theme):
    services.leave_theme(request.user, theme)
    messages.success(request, f"You have left {theme.title}.")
    return redirect(theme.url)


@verified_email_required
def theme_members(request, theme):
    if not services.may_see_members(request.user, theme):
        return TemplateResponse(
            request, "themes/members_forbidden.html", {"page": theme}, status=403
        )
    memberships = theme.memberships.select_related("user__organisation").order_by(
        "user__first_name", "user__last_name", "pk"
    )
    return TemplateResponse(
        request,
        "themes/theme_members.html",
        {
            "page": theme,
            "memberships": Paginator(memberships, MEMBERS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
        },
    )


@verified_email_required
@idempotent
def producer_request(request, theme):
    form = ProducerRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_producer_status(request.user, theme, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Thank you. An editor will look at your request and email you "
                "with their decision.",
            )
            return redirect("dashboard")
    return TemplateResponse(
        request, "themes/producer_request.html", {"page": theme, "form": form}
    )
