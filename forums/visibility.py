"""Who sees which threads and replies: one rule for the thread page and for every
action on a thread or reply (replying, quoting, liking, reporting, following).

Everybody sees public threads in live themes no view restriction covers (the one
rule in themes.roles, which data gaps follow too); a thread's author and the
theme's moderators see it while it is held or hidden. The same goes for replies,
within a thread the person sees; a deleted reply is seen by nobody.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext

from forums.models import Thread
from themes import roles
from themes.models import Role

MODERATE_ALL = "forums.moderate_all_themes"
MODERATORS = [Role.CHAIR]


def themes_moderated_by(user):
    return roles.themes_where(user, MODERATORS, everywhere=MODERATE_ALL)


def may_moderate(user, theme, held=None):
    return roles.holds_role(user, theme, MODERATORS, everywhere=MODERATE_ALL, held=held)


def thread_of(reply):
    return Thread.objects.select_related("theme").get(pk=int(reply.object_pk))


def threads_visible_to(user):
    threads = Thread.objects.all()
    return roles.posts_visible_to(user, threads, MODERATORS, everywhere=MODERATE_ALL)


def replies_visible_to(user, thread):
    """The undeleted replies in this thread that the person sees."""
    from forums.services import replies_to

    replies = replies_to(thread).filter(is_removed=False)
    if may_moderate(user, thread.theme):
        return replies
    if not user.is_authenticated:
        return replies.filter(is_public=True)
    return replies.filter(Q(is_public=True) | Q(user=user))


def check_sees(user, thread, reply=None):
    """For the services: refuse what the person cannot see, as the views do."""
    if not threads_visible_to(user).filter(pk=thread.pk).exists() or (
        reply is not None
        and not replies_visible_to(user, thread).filter(pk=reply.pk).exists()
    ):
        raise PermissionDenied(gettext("You cannot see this post."))
