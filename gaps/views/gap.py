"""One data gap: raising it, finding similar ones, its page, supporting and
following it."""

import re

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.search.backends import get_search_backend

from accounts.models import User
from accounts.suspension import ContributionRefused, check_may_contribute
from catalogue.listing import in_language
from core.idempotency import idempotent
from core.search import search_query
from core.translation import titled_in_language
from gaps import services
from gaps.feeds import gap_feed_url
from gaps.forms import GapForm, SupportForm, TriageForm
from gaps.models import DataGap, GapFollow, GapSupport, Status
from themes.roles import public_themes
from themes.views import get_theme

# Raising is rarer than posting and each gap asks producers for work: a tighter
# window than forum posts, but the same refusal.
GAPS_PER_WINDOW = 5
GAP_WINDOW = 10 * 60
SIMILAR_SHOWN = 5
# Longer queries are not titles; cutting them keeps a search cheap.
SIMILAR_QUERY_LENGTH = 150
# The page lists the latest use cases, and says how many there are in all.
USE_CASES_SHOWN = 50
# Words too common to make two titles similar (SQLite's full-text search keeps
# them).
STOP_WORDS = {
    "and", "are", "but", "for", "from", "how", "into", "not", "the", "their",
    "them", "they", "this", "what", "when", "where", "which", "who", "with",
}  # fmt: skip
WORD = re.compile(r"\w+")
SECTORS = dict(User.Sector.choices)


def get_gap(request, theme_slug, pk):
    """The gap, 404 unless it belongs to that live, public theme and the person
    sees it."""
    theme = get_theme(theme_slug)
    gap = get_object_or_404(
        services.gaps_visible_to(request.user).select_related(
            "author",
            "owner_organisation",
            "owner_contact__organisation",
            "duplicate_of__theme",
        ),
        pk=pk,
        theme=theme,
    )
    gap.theme = theme
    return gap


def similar_gaps(query, theme=None):
    """Up to SIMILAR_SHOWN gaps whose titles look like the query, best first."""
    query = search_query(query, SIMILAR_QUERY_LENGTH)
    if not query:
        return []
    gaps = DataGap.objects.visible().exclude(status=Status.DUPLICATE)
    if theme is not None:
        gaps = gaps.filter(theme_id=theme.pk)
    backend = get_search_backend()
    found = list(backend.autocomplete(query, gaps)[:SIMILAR_SHOWN])
    if not found:
        # Autocomplete wants every word; a title worded differently may still
        # share its key words.
        words = [
            word
            for word in WORD.findall(query.lower())
            if len(word) > 2 and word not in STOP_WORDS
        ]
        if words:
            found = list(
                backend.search(" ".join(words), gaps, operator="or")[:SIMILAR_SHOWN]
            )
    by_pk = DataGap.objects.select_related("theme").in_bulk([g.pk for g in found])
    return [by_pk[g.pk] for g in found if g.pk in by_pk]


@require_GET
def similar(request):
    """An HTML fragment of gaps like the title being typed, for the new-gap form."""
    theme = None
    if theme_slug := request.GET.get("theme"):
        theme = public_themes().filter(slug=theme_slug).first()
        if theme is None:
            return render(request, "gaps/includes/similar_gaps.html", {})
    found = similar_gaps(request.GET.get("q"), theme)
    # Their themes in the reader's language: one query.
    titled_in_language(gap.theme for gap in found)
    return render(
        request,
        "gaps/includes/similar_gaps.html",
        {"similar_gaps": found, "theme": theme},
    )


@verified_email_required
@idempotent
def new_gap(request, theme_slug):
    return raise_gap_page(request, get_theme(theme_slug))


def raise_gap_page(request, theme, *, initial=None, raised=None, **context):
    """The form that raises a gap in `theme`, and raising it. `raised(gap)` runs in
    the same transaction (a link to where it came from); `context` goes to the
    template (`from_thread`)."""
    form = GapForm(request.POST or None, theme=theme, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                check_may_contribute(
                    request.user,
                    theme,
                    doing=_("add to the register"),
                    action="raise-gap",
                    limit=GAPS_PER_WINDOW,
                    period=GAP_WINDOW,
                    done=_("raised %(count)s gaps in the last %(minutes)s minutes")
                    % {"count": GAPS_PER_WINDOW, "minutes": GAP_WINDOW // 60},
                )
            except ContributionRefused as refusal:
                form.add_error(None, refusal)
                status = refusal.status
            else:
                details = dict(form.cleaned_data)
                topics = details.pop("topics") or ()
                with transaction.atomic():
                    gap = services.raise_gap(
                        request.user, theme, topics=topics, **details
                    )
                    if raised is not None:
                        raised(gap)
                messages.success(
                    request,
                    _(
                        "Your data gap is on the register. We will email you when a "
                        "producer responds."
                    )
                    if gap.is_public
                    else _(
                        "Your data gap is saved. A producer or chair will look at it "
                        "before others can see it: only you can see it until then."
                    ),
                )
                return redirect(gap)
        else:
            status = 400
    return render(
        request,
        "gaps/new_gap.html",
        {
            "page": theme,
            "theme": theme,
            "form": form,
            "sector": SECTORS.get(request.user.sector, ""),
            # Without JavaScript, the suggestions come back with the errors.
            "similar_gaps": similar_gaps(form["title"].value(), theme)
            if form.is_bound
            else [],
            **context,
        },
        status=status,
    )


def gap_detail(request, theme_slug, pk):
    return render_gap(request, get_gap(request, theme_slug, pk))


def render_gap(request, gap, *, support_form=None, triage_form=None, status=200):
    """The gap page; the POST views show it again with their form's errors."""
    user = request.user
    use_cases = (
        gap.supports.exclude(use_case="")
        .select_related("user")
        .order_by("-created_at", "-pk")
    )
    own_support = None
    following = False
    if user.is_authenticated:
        own_support = GapSupport.objects.filter(gap=gap, user=user).first()
        following = GapFollow.objects.filter(gap=gap, user=user).exists()
        if triage_form is None and services.may_triage(user, gap.theme):
            triage_form = TriageForm(gap=gap)
    if support_form is None:
        support_form = SupportForm(
            initial={
                "use_case": own_support.use_case,
                "show_name": own_support.show_name,
            }
            if own_support
            else None
        )
    shown = list(use_cases[:USE_CASES_SHOWN])
    for support in shown:
        support.sector_label = SECTORS.get(support.sector, "")
    return render(
        request,
        "gaps/gap.html",
        {
            "page": gap.theme,
            "theme": gap.theme,
            "gap": gap,
            "sector": SECTORS.get(gap.sector, ""),
            "updates": list(gap.updates.all()),
            "topics": list(gap.topics.all()),
            "statistics": in_language(
                gap.statistics.select_related("producer").order_by("name")
            ),
            "use_cases": shown,
            "use_case_count": use_cases.count()
            if len(shown) == USE_CASES_SHOWN
            else len(shown),
            "own_support": own_support,
            "following": following,
            "support_form": support_form,
            "triage_form": triage_form,
            # A held gap has no feed: a feed shows what a visitor sees.
            "feed_url": gap_feed_url(gap) if gap.is_public else None,
        },
        status=status,
    )


@require_POST
@verified_email_required
@idempotent
def support(request, theme_slug, pk):
    gap = get_gap(request, theme_slug, pk)
    form = SupportForm(request.POST)
    status = 400
    if form.is_valid():
        had_supported = GapSupport.objects.filter(gap=gap, user=request.user).exists()
        try:
            services.check_may_support(request.user, gap.theme)
            services.support(gap, request.user, **form.cleaned_data)
        except ContributionRefused as refusal:
            form.add_error(None, refusal)
            status = refusal.status
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your use case has been changed.")
                if had_supported
                else _(
                    "Thank you: your need is counted. We will email you when the "
                    "gap moves on."
                ),
            )
            return redirect(gap.get_absolute_url() + "#support")
    return render_gap(request, gap, support_form=form, status=status)


@require_POST
@verified_email_required
def withdraw(request, theme_slug, pk):
    gap = get_gap(request, theme_slug, pk)
    services.withdraw_support(gap, request.user)
    messages.success(
        request,
        _(
            "You no longer support this gap. You still follow it: unfollow it to stop "
            "emails about it."
        ),
    )
    return redirect(gap.get_absolute_url() + "#support")


@require_POST
@verified_email_required
def follow(request, theme_slug, pk):
    gap = get_gap(request, theme_slug, pk)
    action = request.POST.get("action")
    if action == "follow":
        services.follow(gap, request.user)
        message = _("We will email you when this gap moves on.")
    elif action == "unfollow":
        services.unfollow(gap, request.user)
        message = _("You will no longer get emails about this gap.")
    else:
        return HttpResponseBadRequest(_("Choose to follow or unfollow the gap."))
    messages.success(request, message)
    return redirect(gap.get_absolute_url() + "#follow")
