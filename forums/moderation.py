"""Who moderates which theme, and what they may do: hold, hide, approve, delete."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    TextField,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext
from django_comments_xtd.models import XtdComment
from wagtail.log_actions import log

from accounts.models import ThemeSuspension
from accounts.trust import trust_if_enough_approved
from core.signals import tell_content_changed
from forums import tasks
from forums.models import HiddenReply, Report, Thread
from forums.services import replies_to_any_thread
from forums.visibility import (
    MODERATE_ALL,
    check_sees,
    may_moderate,
    themes_moderated_by,
    thread_of,
)
from themes import roles

# A reply reported by this many different members is hidden until a moderator looks.
HIDE_AFTER_REPORTS = 3


@transaction.atomic
def report(reporter, *, reason, detail="", reply=None, thread=None):
    """Record a report on a reply or a thread. The third member to report the same
    post hides it until a moderator looks."""
    check_sees(reporter, thread or thread_of(reply), reply)
    post = {"reply": reply} if reply is not None else {"thread": thread}
    report, _ = Report.objects.get_or_create(
        reporter=reporter, **post, defaults={"reason": reason, "detail": detail}
    )
    if (
        Report.objects.filter(resolved_at__isnull=True, **post).count()
        >= HIDE_AFTER_REPORTS
    ):
        hidden = XtdComment.objects.filter(pk=reply.pk) if reply else Thread.objects
        hidden.filter(pk=(reply or thread).pk).update(is_public=False)
        tell_content_changed(type(reply or thread), [(reply or thread).pk])
    return report


def reply_queue(user):
    """Replies waiting for this moderator: held or hidden, or with open reports."""
    threads = Thread.objects.filter(theme__in=themes_moderated_by(user)).annotate(
        pk_text=Cast("pk", TextField())
    )
    open_reports = Report.objects.filter(reply=OuterRef("pk"), resolved_at__isnull=True)
    return (
        replies_to_any_thread()
        .filter(object_pk__in=threads.values("pk_text"), is_removed=False)
        .filter(Q(is_public=False) | Q(Exists(open_reports)))
        .exclude(Exists(HiddenReply.objects.filter(reply=OuterRef("pk"))))
        .annotate(
            report_count=Coalesce(
                Subquery(
                    open_reports.values("reply").annotate(n=Count("pk")).values("n")
                ),
                0,
            )
        )
        .order_by("-report_count", "submit_date")
    )


def thread_queue(user):
    """Threads waiting for this moderator: held, hidden after reports, or reported."""
    open_reports = Report.objects.filter(
        thread=OuterRef("pk"), resolved_at__isnull=True
    )
    return (
        Thread.objects.filter(theme__in=themes_moderated_by(user))
        .filter(Q(is_public=False) | Q(Exists(open_reports)))
        .select_related("theme", "author")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.filter(resolved_at__isnull=True),
                to_attr="open_reports",
            )
        )
    )


def _resolve_reports(moderator, outcome, **post):
    Report.objects.filter(resolved_at__isnull=True, **post).update(
        resolved_at=timezone.now(), resolved_by=moderator, outcome=outcome
    )


def _check(moderator, thread):
    if not may_moderate(moderator, thread.theme):
        raise PermissionDenied(
            gettext("Only this theme's chairs and the editors moderate it.")
        )


def _decide_on_reply(reply, moderator, outcome):
    """What every decision on a reply shares: the check, the reports, the log."""
    thread = thread_of(reply)
    _check(moderator, thread)
    _resolve_reports(moderator, outcome, reply=reply)
    verb = {"approved": "approve", "hidden": "hide", "deleted": "delete"}[outcome]
    log(
        instance=thread,
        action=f"forums.{verb}_reply",
        user=moderator,
        data={"reply": reply.pk},
    )


@transaction.atomic
def approve_reply(reply, *, moderator):
    _decide_on_reply(reply, moderator, Report.Outcome.APPROVED)
    XtdComment.objects.filter(pk=reply.pk).update(is_public=True)
    HiddenReply.objects.filter(reply=reply).delete()
    tell_content_changed(XtdComment, [reply.pk])
    trust_if_enough_approved(reply.user)
    if not reply.is_public:  # it was held: its followers hear of it now
        tasks.tell_followers.enqueue(reply.pk)


@transaction.atomic
def hide_reply(reply, *, moderator):
    _decide_on_reply(reply, moderator, Report.Outcome.HIDDEN)
    XtdComment.objects.filter(pk=reply.pk).update(is_public=False)
    HiddenReply.objects.update_or_create(reply=reply, defaults={"hidden_by": moderator})


@transaction.atomic
def delete_reply(reply, *, moderator):
    _decide_on_reply(reply, moderator, Report.Outcome.DELETED)
    XtdComment.objects.filter(pk=reply.pk).update(comment="", is_removed=True)
    tell_content_changed(XtdComment, [reply.pk])


@transaction.atomic
def approve_thread(thread, *, moderator):
    _check(moderator, thread)
    Thread.objects.filter(pk=thread.pk).update(is_public=True)
    tell_content_changed(Thread, [thread.pk])
    _resolve_reports(moderator, Report.Outcome.APPROVED, thread=thread)
    trust_if_enough_approved(thread.author)
    if not thread.is_public:  # it was held: the theme's members hear of it now
        tasks.tell_theme_members.enqueue(thread.pk)
    log(instance=thread, action="forums.approve_thread", user=moderator)


@transaction.atomic
def delete_thread(thread, *, moderator):
    _check(moderator, thread)
    log(instance=thread, action="forums.delete_thread", user=moderator)
    thread.delete()


SUSPENSION = timedelta(days=7)


@transaction.atomic
def set_thread_flags(thread, *, moderator, pinned=None, locked=None):
    _check(moderator, thread)
    changes = {}
    if pinned is not None:
        changes["is_pinned"] = pinned
    if locked is not None:
        changes["is_locked"] = locked
    Thread.objects.filter(pk=thread.pk).update(**changes)
    tell_content_changed(Thread, [thread.pk])
    for field, value in changes.items():
        action = {"is_pinned": "pin", "is_locked": "lock"}[field]
        log(
            instance=thread,
            action=f"forums.{action if value else 'un' + action}_thread",
            user=moderator,
        )


@transaction.atomic
def move_thread(thread, theme, *, moderator):
    """Move a thread to another theme; the moderator must moderate both."""
    _check(moderator, thread)
    if not may_moderate(moderator, theme):
        raise PermissionDenied(gettext("You do not moderate the theme you chose."))
    # Told before as well: whoever keeps copies forgets the old theme's too.
    tell_content_changed(Thread, [thread.pk])
    Thread.objects.filter(pk=thread.pk).update(theme=theme)
    tell_content_changed(Thread, [thread.pk])
    log(
        instance=thread,
        action="forums.move_thread",
        user=moderator,
        data={"from": thread.theme.title, "to": theme.title},
    )


def suspension_scope(moderator, member, theme):
    """Where the moderator may suspend the member, seen from this theme: everywhere
    (None) for an editor, this theme for its chairs. PermissionDenied otherwise.

    Nobody suspends themselves; only an editor suspends an editor; a chair suspends
    only people with no role in their theme (its chairs and producers answer to the
    editors who appointed them), and a chair or producer elsewhere only here.
    """
    if not may_moderate(moderator, theme):
        raise PermissionDenied(
            gettext("Only this theme's chairs and the editors suspend.")
        )
    if member.pk == moderator.pk:
        raise PermissionDenied(gettext("You cannot suspend yourself."))
    if moderator.has_perm(MODERATE_ALL):
        return None
    if member.has_perm(MODERATE_ALL):
        raise PermissionDenied(gettext("Only an editor suspends an editor."))
    if roles.holds_role(member, theme):
        raise PermissionDenied(
            gettext("Ask an editor: this theme's chairs and producers answer to them.")
        )
    return theme


@transaction.atomic
def suspend_member(member, *, moderator, thread):
    """Stop a member posting for a week, from the thread where they misbehaved:
    in its theme when a chair suspends them, everywhere when an editor does.
    Returns the theme, or None for everywhere."""
    theme = suspension_scope(moderator, member, thread.theme)
    until = timezone.now() + SUSPENSION
    if theme is None:
        member.suspended_until = until
        member.save(update_fields=["suspended_until"])
    else:
        ThemeSuspension.objects.update_or_create(
            user=member,
            theme=theme,
            defaults={"until": until, "suspended_by": moderator},
        )
    log(
        instance=thread,
        action="forums.suspend_member",
        user=moderator,
        data={"member": member.pk, "theme": theme and theme.pk},
    )
    return theme
