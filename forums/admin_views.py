"""The moderation queue in the Wagtail admin: chairs see their themes, editors all."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from forums import moderation
from forums.models import Report, Thread
from forums.services import replies_to_any_thread

QUEUE_PAGE_SIZE = 50
REPLY_ACTIONS = {
    "approve": (moderation.approve_reply, _("The reply is visible again.")),
    "hide": (moderation.hide_reply, _("The reply is hidden from members.")),
    "delete": (moderation.delete_reply, _("The reply has been deleted.")),
}
THREAD_ACTIONS = {
    "approve": (moderation.approve_thread, _("The thread is visible to members.")),
    "delete": (moderation.delete_thread, _("The thread has been deleted.")),
}


def moderates_anything(user):
    return moderation.themes_moderated_by(user).exists()


def queue(request):
    if not moderates_anything(request.user):
        raise PermissionDenied
    replies = Paginator(
        moderation.reply_queue(request.user).select_related("user"), QUEUE_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    threads = Thread.objects.select_related("theme").in_bulk(
        [int(reply.object_pk) for reply in replies]
    )
    reasons = defaultdict(list)
    for report in Report.objects.filter(
        reply__in=list(replies), resolved_at__isnull=True
    ):
        reasons[report.reply_id].append(report)
    for reply in replies:
        reply.thread = threads[int(reply.object_pk)]
        reply.open_reports = reasons[reply.pk]
    return TemplateResponse(
        request,
        "forums/admin/moderation_queue.html",
        {
            "replies": replies,
            "held_threads": moderation.thread_queue(request.user)[:QUEUE_PAGE_SIZE],
        },
    )


@require_POST
def moderate_reply(request, reply_id):
    reply = get_object_or_404(replies_to_any_thread(), pk=reply_id)
    return moderate(request, reply, REPLY_ACTIONS)


@require_POST
def moderate_thread(request, thread_id):
    thread = get_object_or_404(Thread.objects.select_related("theme"), pk=thread_id)
    return moderate(request, thread, THREAD_ACTIONS)


def moderate(request, post, actions):
    """Do the action asked for to the reply or thread, and go back to the queue: an
    action that is not one of `actions` does nothing."""
    action, done = actions.get(request.POST.get("action"), (None, None))
    if action is not None:
        action(post, moderator=request.user)
        messages.success(request, done)
    return redirect("forums_moderation")
