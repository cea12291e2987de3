import json

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from accounts import inbox, notifications, personal_data, suppressions
from accounts.forms import DeleteAccountForm, NotificationPreferencesForm, ProfileForm
from accounts.models import DataExport, NotificationPreference, User
from accounts.services import delete_account, request_data_export, resume_email
from core.translation import titled_in_language


@verified_email_required
def edit_profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("edit_profile")
    return render(request, "accounts/edit_profile.html", {"form": form})


def public_profile(request, pk):
    member = get_object_or_404(
        User.objects.select_related("organisation").prefetch_related("expertise"),
        pk=pk,
        is_active=True,
    )
    sections = [
        (data.label, data.public(member))
        for data in personal_data.registered()
        if data.public
    ]
    return render(
        request,
        "accounts/public_profile.html",
        {
            "member": member,
            "sections": [(label, items) for label, items in sections if items],
        },
    )


@verified_email_required
def notification_preferences(request):
    themes = notifications.themes_for(request.user)
    form = NotificationPreferencesForm(request.user, themes, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["digest_time"]:
            request.user.digest_time = form.cleaned_data["digest_time"]
            request.user.save(update_fields=["digest_time"])
        if form.cleaned_data["email_language"]:
            request.user.email_language = form.cleaned_data["email_language"]
            request.user.save(update_fields=["email_language"])
        for name, kind, theme in form.rows:
            if form.cleaned_data[name]:
                notifications.set_frequency(
                    request.user, kind, form.cleaned_data[name], theme
                )
        messages.success(request, _("Your email preferences have been saved."))
        return redirect("notification_preferences")
    return render(
        request,
        "accounts/notification_preferences.html",
        {"form": form, "email_suppression": suppressions.current_for(request.user)},
    )


@login_required
@require_POST
def resume_email_view(request):
    if resume_email(request.user):
        messages.success(
            request,
            _("We will email you at %(email)s again.") % {"email": request.user.email},
        )
    # Back to the page the member asked from: one of two, never an address sent.
    if request.POST.get("from") == "preferences":
        return redirect("notification_preferences")
    return redirect("dashboard")


@csrf_exempt  # RFC 8058: mail clients POST here without a session or a CSRF token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        user_id, kind, theme_id = notifications.read_unsubscribe_token(token)
        user = User.objects.get(pk=user_id, is_active=True)
    except (signing.BadSignature, User.DoesNotExist):
        return unsubscribe_invalid(request)
    theme = Page.objects.filter(pk=theme_id).first() if theme_id else None
    if theme_id and theme is None:
        return unsubscribe_invalid(request)
    if request.method == "POST":
        notifications.set_frequency(
            user, kind, NotificationPreference.Frequency.OFF, theme
        )
        return render(
            request, "accounts/unsubscribed.html", {"kind": kind, "theme": theme}
        )
    return render(request, "accounts/unsubscribe.html", {"kind": kind, "theme": theme})


def unsubscribe_invalid(request):
    # A link that is nobody's names nothing, as a wrong address would not.
    return render(request, "accounts/unsubscribe_invalid.html", status=404)


@verified_email_required
@require_http_methods(["GET", "POST"])
def data_export(request):
    if request.method == "POST":
        request_data_export(request.user)
        messages.success(
            request,
            _("We are putting your data together. We will email you when it is ready."),
        )
        return redirect("data_export")
    exports = request.user.data_exports.all()[:5]
    return render(request, "accounts/data_export.html", {"exports": exports})


@login_required
def download_data_export(request, pk):
    export = get_object_or_404(
        DataExport, pk=pk, user=request.user, completed_at__isnull=False
    )
    response = HttpResponse(
        json.dumps(export.data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    stamp = export.completed_at.strftime("%Y-%m-%d")
    response["Content-Disposition"] = (
        f'attachment; filename="statsforum-data-{stamp}.json"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account_view(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user, keep_public_posts=form.keep_public_posts)
        return render(request, "accounts/account_deleted.html")
    return render(request, "accounts/delete_account.html", {"form": form})


@login_required
def notification_inbox(request):
    page = Paginator(inbox.inbox_for(request.user), inbox.PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = inbox.drop_withdrawn(request.user, list(page.object_list))
    # Their themes in the reader's language: one query for the page.
    titled_in_language(row.theme for row in rows)
    items = [
        {
            "row": row,
            "subject": inbox.subject(row, request.user),
            "kind": inbox.kind_label(row),
        }
        for row in rows
    ]
    return render(request, "accounts/inbox.html", {"page_obj": page, "items": items})


@login_required
def open_notification(request, pk):
    row = get_object_or_404(inbox.inbox_for(request.user), pk=pk)
    if not inbox.drop_withdrawn(request.user, [row]):
        raise Http404("What this told you of is no longer here.")
    inbox.mark_read(row)
    return redirect(inbox.target_path(row, request) or "notification_inbox")


@login_required
@require_POST
def mark_all_notifications_read(request):
    count = inbox.mark_all_read(request.user)
    messages.success(
        request,
        ngettext(
            "Marked %(count)d notification as read.",
            "Marked %(count)d notifications as read.",
            count,
        )
        % {"count": count}
        if count
        else _("You had no unread notifications."),
    )
    return redirect("notification_inbox")
