"""Replies to a thread by email: posted as the member through `post_reply`, after
the same checks as the web form (accounts/replies.py receives the email).

An email reply answers the thread, never one reply in it: the notification may be
about a reply, but answering a reply is a choice made on the page.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext

from accounts.replies import Posted, Refused, ReplyTarget
from forums import services
from forums.forms import ReplyForm
from forums.models import Thread
from forums.visibility import threads_visible_to


def post_by_email(user, thread_id, text):
    thread = threads_visible_to(user).select_related("theme").filter(pk=thread_id)
    thread = thread.first()
    if thread is None:
        raise Refused(
            gettext("The thread has been removed, or you can no longer see it.")
        )
    url = thread.get_full_url()
    form = ReplyForm({"comment": text})
    if not form.is_valid():
        raise Refused(" ".join(form.errors["comment"]), url)
    try:
        services.check_may_post(user, thread.theme)
        reply = services.post_reply(thread, user, form.cleaned_data["comment"])
    except ValidationError as refusal:
        raise Refused(" ".join(refusal.messages), url) from refusal
    except PermissionDenied as refusal:
        raise Refused(str(refusal), url) from refusal
    return Posted(held=not reply.is_public, url=f"{url}#reply-{reply.pk}")


def about_thread(thread_id):
    thread = Thread.objects.filter(pk=thread_id).first()
    if thread is None:
        return gettext("a thread since removed"), ""
    return gettext("the thread “%(title)s”") % {
        "title": thread.title
    }, thread.get_full_url()


THREAD = ReplyTarget(key="thread", code="t", post=post_by_email, about=about_thread)
