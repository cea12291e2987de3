from functools import wraps

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from core import languages
from core.idempotency import idempotent
from core.translation import localize, of_record, title_in_language
from themes import services
from themes.forms import JoinThemeForm, ProducerRequestForm
from themes.models import ThemePage

MEMBERS_PER_PAGE = 50


def get_theme(theme_slug):
    """The live theme at this address that no view restriction covers, or a 404:
    what member-made content under a theme is found through."""
    return theme_of_record(ThemePage.objects.live().public(), theme_slug)


def theme_of_record(themes, theme_slug):
    """The English theme at this slug, or the English theme of the translation at
    it (an editor may give a translation its own slug), or a 404: member-made
    content is attached to the theme of record only."""
    theme = of_record(themes).filter(slug=theme_slug).first()
    if theme is None:
        translated = themes.filter(slug=theme_slug).first()
        if translated is None:
            raise Http404
        theme = of_record(themes).filter(translation_key=translated.translation_key)
        theme = theme.first()
        if theme is None:
            raise Http404
    return theme


def theme_address(theme):
    """The theme's page in the language of the address asked (/cy/themes/...)."""
    return languages.address_in(theme.url, get_language())


def served_as_the_theme(view):
    """A view at /themes/<theme_slug>/..., answered as Wagtail answers the theme
    page itself: a 404 unless the theme is live, and its privacy (sign-in, groups,
    password) asked first, through the same on_serve_page hooks Wagtail's serve
    runs, so a restricted theme asks the same as its page does."""

    @wraps(view)
    def wrapper(request, theme_slug):
        theme = theme_of_record(ThemePage.objects.live(), theme_slug)

        def serve(page, request, args, kwargs):
            return view(request, page)

        for hook in reversed(hooks.get_hooks("on_serve_page")):
            serve = hook(serve)
        return serve(theme, request, (), {})

    return wrapper


@served_as_the_theme
@require_POST
@verified_email_required
def join_theme(request, theme):
    form = JoinThemeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Choose how often we should email you, from the list.")
        )
        return redirect(theme_address(theme))
    services.join_theme(request.user, theme, form.cleaned_data["frequency"] or None)
    messages.success(
        request, _("You have joined %(theme)s.") % {"theme": title_in_language(theme)}
    )
    return redirect(theme_address(theme))


@served_as_the_theme
@require_POST
@verified_email_required
def leave_theme(request, theme):
    services.leave_theme(request.user, theme)
    messages.success(
        request, _("You have left %(theme)s.") % {"theme": title_in_language(theme)}
    )
    return redirect(theme_address(theme))


@served_as_the_theme
@verified_email_required
def theme_members(request, theme):
    if not services.may_see_members(request.user, theme):
        return TemplateResponse(
            request, "themes/members_forbidden.html", {"page": theme}, status=403
        )
    memberships = theme.memberships.select_related("user__organisation").order_by(
        "user__first_name", "user__last_name", "pk"
    )
    listed = Paginator(memberships, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    listed.object_list = list(listed.object_list)
    # Their organisations in the reader's language: one query for the page.
    localize(membership.user.organisation for membership in listed.object_list)
    return TemplateResponse(
        request,
        "themes/theme_members.html",
        {"page": theme, "memberships": listed},
    )


@served_as_the_theme
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
                _(
                    "Thank you. An editor will look at your request and email you "
                    "with their decision."
                ),
            )
            return redirect("dashboard")
    return TemplateResponse(
        request, "themes/producer_request.html", {"page": theme, "form": form}
    )
