from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from catalogue.listing import in_language
from catalogue.models import Statistic
from core.idempotency import idempotent
from core.ids import MAX_ID, id_from
from core.translation import localize, of_record
from forums import moderation, questions, services, visibility
from forums.feeds import thread_feed_url
from forums.forms import (
    QuestionAboutStatisticForm,
    ReplyForm,
    ReportForm,
    ThreadFilters,
    ThreadForm,
)
from forums.listing import DEFAULT_SORT, listed_threads
from forums.models import Thread
from themes import roles
from themes.models import Role, ThemePage
from themes.views import get_theme

THREADS_PER_PAGE = 20
MODERATION_DONE = {
    "pin": _("The thread is pinned to the top of the list."),
    "unpin": _("The thread is no longer pinned."),
    "lock": _("The thread is locked: nobody can reply."),
    "unlock": _("The thread is open for replies again."),
    "move": _("The thread has been moved."),
}
SUSPENDED_HERE = _("The member cannot post in this theme for a week.")
SUSPENDED_EVERYWHERE = _("The member cannot post anywhere on the site for a week.")


def thread_list(request, theme_slug):
    theme = get_theme(theme_slug)
    chosen = ThreadFilters(request.GET).chosen()
    sort = chosen.get("sort", DEFAULT_SORT)
    topic = chosen.get("topic", "")
    threads = listed_threads(
        Thread.objects.filter(theme=theme, is_public=True).select_related(
            "theme", "author", "answered_by"
        ),
        chosen,
    )
    listed = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    # Who answered each, in the reader's language: one query for the page.
    listed.object_list = list(listed.object_list)
    localize(thread.answered_by for thread in listed.object_list)
    return render(
        request,
        "forums/thread_list.html",
        {
            "page": theme,
            "theme": theme,
            "threads": listed,
            "sort": sort,
            "topic": topic,
            "filters": ThreadFilters(initial={"sort": sort, "topic": topic}),
        },
    )


@verified_email_required
@idempotent
def new_thread(request, theme_slug):
    theme = get_theme(theme_slug)
    form = ThreadForm(request.POST or None, theme=theme)
    preview = None
    status = 200
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "preview":
            preview = form.cleaned_data["body"]
        else:
            try:
                services.check_may_post(request.user, theme)
                thread = services.start_thread(request.user, theme, **form.cleaned_data)
            except services.PostingRefused as refusal:
                form.add_error(None, refusal)
                status = refusal.status
            else:
                return redirect(thread)
    return render(
        request,
        "forums/new_thread.html",
        {"page": theme, "theme": theme, "form": form, "preview": preview},
        status=status,
    )


def thread_detail(request, theme_slug, pk, slug, reply_form=None, status=200):
    thread = get_object_or_404(
        services.with_follow_state(
            visibility.threads_visible_to(request.user), request.user
        ).select_related("theme", "author", "answered_by"),
        pk=pk,
        theme__slug=theme_slug,
    )
    if slug != thread.slug:
        return redirect(thread, permanent=True)
    replies = services.reply_page(thread, request.GET.get("page"), request.user)
    with_reply_addresses(thread, replies.posts)
    authors = [
        thread.author,
        *(r.user for r in replies),
        *(child.user for r in replies for child in r.children),
    ]
    # The authors' badges and what the reader may do here: one query.
    badges, held = roles.roles_in(thread.theme, authors, reader=request.user)
    may_moderate = moderation.may_moderate(request.user, thread.theme, held)
    return render(
        request,
        "forums/thread.html",
        thread_context(
            thread,
            replies=replies,
            roles=badges,
            reply_form=reply_form or ReplyForm(initial=quote_from(thread, request)),
            may_moderate=may_moderate,
            suspends_everywhere=request.user.has_perm(moderation.MODERATE_ALL),
            move_to=moderation.themes_moderated_by(request.user)
            .exclude(pk=thread.theme_id)
            .order_by("title")
            if may_moderate
            else [],
            may_mark_answer=thread.is_question
            and roles.holds_role(request.user, thread.theme, Role.PRODUCER, held=held),
            # A held thread has no feed: a feed shows what a visitor sees.
            feed_url=thread_feed_url(thread) if thread.is_public else None,
            statistics=in_language(
                thread.statistics.select_related("producer").order_by("name")
            ),
            reach=questions.reach(thread) if thread.is_question else None,
        ),
        status=status,
    )


@require_POST
@verified_email_required
@idempotent
def reply(request, theme_slug, pk, slug):
    thread = get_thread(request, theme_slug, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return thread_detail(request, theme_slug, pk, thread.slug, reply_form=form)
    try:
        services.check_may_post(request.user, thread.theme)
        reply = services.post_reply(
            thread,
            request.user,
            form.cleaned_data["comment"],
            parent_id=form.cleaned_data["parent"],
        )
    except services.PostingRefused as refusal:
        form.add_error(None, refusal)
        return thread_detail(
            request, theme_slug, pk, thread.slug, reply_form=form, status=refusal.status
        )
    except services.ReplyRefused as refusal:
        form.add_error(None, refusal)
        return thread_detail(
            request, theme_slug, pk, thread.slug, reply_form=form, status=400
        )
    return redirect_to_new_reply(request, thread, reply)


def redirect_to_new_reply(request, thread, reply):
    """Back to the thread with a success banner (GOV.UK Frontend focuses it) and the
    new reply in view: its page, and its id as the fragment."""
    anchor = f"reply-{reply.pk}"
    said = (
        gettext("Your reply has been posted.")
        if reply.is_public
        else gettext(
            "Your reply has been sent. A moderator will check it before others see it."
        )
    )
    messages.success(
        request,
        format_html(
            '{} <a class="govuk-notification-banner__link" href="#{}">{}</a>',
            said,
            anchor,
            gettext("Go to your reply"),
        ),
    )
    number = services.page_of_reply(thread, reply)
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{thread.get_absolute_url()}{query}#{anchor}")


REPLY_ACTIONS = ["like_reply", "report_reply", "edit_reply", "delete_reply"]


def with_reply_addresses(thread, posts):
    """Each post's actions' addresses (`post.addresses["like_reply"]`), each action
    reversed once a page, not once a post: reversing was most of what a post cost
    to show. The reply's id is the last part of each address."""
    kwargs = {"theme_slug": thread.theme.slug, "pk": thread.pk, "slug": thread.slug}
    around = {
        name: reverse(
            f"forums:{name}", kwargs={**kwargs, "reply_id": MAX_ID}
        ).rpartition(str(MAX_ID))
        for name in REPLY_ACTIONS
    }
    for post in posts:
        post.addresses = {
            name: f"{before}{post.pk}{after}"
            for name, (before, _, after) in around.items()
        }


def thread_context(thread, **extra):
    """What every page about one thread needs: its theme for the breadcrumbs."""
    return {"page": thread.theme, "theme": thread.theme, "thread": thread, **extra}


def own_reply(request, theme_slug, pk, reply_id):
    """The thread and one of the signed-in member's own, undeleted replies in it."""
    thread = get_thread(request, theme_slug, pk)
    reply = get_object_or_404(services.replies_to(thread), pk=reply_id)
    if reply.user_id != request.user.pk or reply.is_removed:
        raise PermissionDenied
    return thread, reply


def get_thread(request, theme_slug, pk):
    """The thread, 404 unless the person sees it (visibility's one rule)."""
    return get_object_or_404(
        visibility.threads_visible_to(request.user).select_related("theme"),
        pk=pk,
        theme__slug=theme_slug,
    )


@require_POST
@verified_email_required
def follow(request, theme_slug, pk, slug):
    thread = get_thread(request, theme_slug, pk)
    muted = request.POST.get("muted") == "true"
    services.follow(thread, request.user, muted=muted)
    messages.success(
        request,
        gettext("You will not hear about new replies to this thread.")
        if muted
        else gettext("We will email you about new replies to this thread."),
    )
    return redirect(thread)


@require_POST
@verified_email_required
def mark_answer(request, theme_slug, pk, slug):
    thread = get_thread(request, theme_slug, pk)
    reply = services.reply_in(thread, id_from(request.POST, "reply"))
    try:
        services.mark_answer(thread, reply, marked_by=request.user)
    except services.ReplyRefused as refusal:
        return HttpResponseBadRequest(refusal.message)
    messages.success(request, gettext("You have marked the answer to this question."))
    return redirect(thread)


@verified_email_required
def edit_reply(request, theme_slug, pk, slug, reply_id):
    thread, reply = own_reply(request, theme_slug, pk, reply_id)
    form = ReplyForm(request.POST or None, initial={"comment": reply.comment})

    def save():
        services.edit_reply(reply, request.user, form.cleaned_data["comment"])
        return thread.get_absolute_url() + f"#reply-{reply.pk}"

    return edit_post(request, thread, form, "reply", save)


def edit_post(request, thread, form, noun, save):
    """The page editing a member's thread or reply: `save()` saves the valid form
    through the service, which refuses a suspended member, and says where to go."""
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            return redirect(save())
        except services.Suspended as refusal:
            form.add_error(None, refusal)
            status = refusal.status
    return render(
        request,
        "forums/edit_post.html",
        thread_context(thread, form=form, noun=noun),
        status=status,
    )


@verified_email_required
def delete_reply(request, theme_slug, pk, slug, reply_id):
    thread, reply = own_reply(request, theme_slug, pk, reply_id)
    if request.method == "POST":
        services.delete_reply(thread, reply, request.user)
        messages.success(request, gettext("Your reply has been deleted."))
        return redirect(thread)
    return render(
        request,
        "forums/delete_post.html",
        thread_context(thread, reply=reply, noun="reply"),
    )


@verified_email_required
def report_reply(request, theme_slug, pk, slug, reply_id):
    thread = get_thread(request, theme_slug, pk)
    replies = visibility.replies_visible_to(request.user, thread)
    return report_post(request, thread, get_object_or_404(replies, pk=reply_id))


@require_POST
@verified_email_required
def moderate_thread(request, theme_slug, pk, slug):
    """Pin, lock, move a thread or suspend a member, from the thread page."""
    thread = get_thread(request, theme_slug, pk)
    action = request.POST.get("action")
    if action in {"pin", "unpin"}:
        moderation.set_thread_flags(
            thread, moderator=request.user, pinned=action == "pin"
        )
    elif action in {"lock", "unlock"}:
        moderation.set_thread_flags(
            thread, moderator=request.user, locked=action == "lock"
        )
    elif action == "move":
        theme = get_object_or_404(ThemePage, pk=id_from(request.POST, "theme"))
        moderation.move_thread(thread, theme, moderator=request.user)
        thread.refresh_from_db()
    elif action == "suspend":
        member = get_object_or_404(get_user_model(), pk=id_from(request.POST, "member"))
        theme = moderation.suspend_member(member, moderator=request.user, thread=thread)
        messages.success(request, SUSPENDED_HERE if theme else SUSPENDED_EVERYWHERE)
        return redirect(thread)
    else:
        return HttpResponseBadRequest(gettext("Unknown moderation action."))
    messages.success(request, MODERATION_DONE[action])
    return redirect(thread)


def quote_from(thread, request):
    """Start the reply form with a quote when the member chose 'Quote'."""
    reply_id = id_from(request.GET, "quote")
    reply = services.reply_in(thread, reply_id) if reply_id else None
    if reply is None or reply.is_removed or not reply.is_public:
        return {}
    return {"comment": services.quoted(reply)}


@require_POST
@verified_email_required
def like_reply(request, theme_slug, pk, slug, reply_id):
    thread = get_thread(request, theme_slug, pk)
    reply = get_object_or_404(
        visibility.replies_visible_to(request.user, thread), pk=reply_id
    )
    try:
        services.toggle_like(reply, request.user)
    except services.ReplyRefused as refusal:
        return HttpResponseBadRequest(refusal.message)
    return redirect(thread.get_absolute_url() + f"#reply-{reply.pk}")


@verified_email_required
def edit_thread(request, theme_slug, pk, slug):
    thread = get_thread(request, theme_slug, pk)
    if thread.author_id != request.user.pk:
        raise PermissionDenied
    form = ThreadForm(request.POST or None, instance=thread)

    def save():
        services.edit_thread(
            Thread.objects.get(pk=thread.pk), request.user, **form.cleaned_data
        )
        return Thread.objects.select_related("theme").get(pk=thread.pk)

    return edit_post(request, thread, form, "thread", save)


@verified_email_required
def delete_thread(request, theme_slug, pk, slug):
    thread = get_thread(request, theme_slug, pk)
    if request.method == "POST":
        services.delete_thread(thread, request.user)
        messages.success(request, gettext("Your thread has been deleted."))
        return redirect("forums:threads", theme_slug=theme_slug)
    if thread.author_id != request.user.pk:
        raise PermissionDenied
    return render(
        request,
        "forums/delete_post.html",
        thread_context(thread, noun="thread"),
    )


@verified_email_required
def report_thread(request, theme_slug, pk, slug):
    return report_post(request, get_thread(request, theme_slug, pk))


def report_post(request, thread, reply=None):
    """Report a reply, or the thread itself when no reply is given."""
    author_id = reply.user_id if reply else thread.author_id
    if author_id == request.user.pk:
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.report(
            request.user,
            reply=reply,
            thread=None if reply else thread,
            **form.cleaned_data,
        )
        messages.success(
            request, gettext("Thank you for your report. A moderator will look at it.")
        )
        return redirect(thread)
    return render(
        request,
        "forums/report_post.html",
        thread_context(thread, reply=reply, form=form),
    )


@verified_email_required
@idempotent
def ask_about_statistic(request, slug):
    """A question about a statistic, in one of its public themes (any, when it has
    none), tagged to it: its contacts and the theme's producers hear at once."""
    statistic = get_object_or_404(of_record(Statistic.objects), slug=slug)
    in_language([statistic])
    themes = roles.public_themes().order_by("title")
    own = themes.filter(statistics=statistic)
    has_own_theme = own.exists()
    themes = own if has_own_theme else themes
    form = QuestionAboutStatisticForm(request.POST or None, themes=themes)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            theme = form.cleaned_data["theme"]
            try:
                services.check_may_post(request.user, theme)
                thread = services.start_thread(
                    request.user,
                    theme,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    kind=Thread.Kind.QUESTION,
                    statistics=[statistic],
                )
            except services.PostingRefused as refusal:
                form.add_error(None, refusal)
                status = refusal.status
            else:
                return redirect(thread)
    return render(
        request,
        "forums/ask_about_statistic.html",
        {
            "statistic": statistic,
            "form": form,
            "has_own_theme": has_own_theme,
        },
        status=status,
    )
