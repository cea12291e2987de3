"""Which pages show what: after each change, purge exactly the addresses that show the
changed thing (core/pagecache.py), here and in any CDN or Varnish in front.

One function per kind names its addresses; thin receivers below call them after a
save, a delete, or a service's `content_changed` (a queryset `update()`). A page that
has sub-addresses (a thread's feed, a meeting's routes) is purged as a branch. What
is shown on every page (a member's name, a theme's title) purges everything.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from catalogue.models import Statistic
from consultations.models import ConsultationPage, ConsultationResponse
from core.pagecache import purge
from core.signals import content_changed
from events.models import EventPage, MeetingRegistration
from forums.models import HiddenReply, Thread
from gaps.models import DataGap, GapSupport, GapUpdate
from home.models import StandardPage
from themes.models import ThemeMembership, ThemePage

HOME = "/"
# Saving these on a member changes nothing anyone else sees.
PRIVATE_USER_FIELDS = {"last_login", "password"}


def profile_paths(user_id):
    """A member's public profile lists what they wrote; an erased member has none."""
    return [reverse("public_profile", args=[user_id])] if user_id else []


def statistic_paths(statistics):
    return [reverse("catalogue:statistic", args=[s.slug]) for s in statistics]


def theme_paths(theme):
    """The theme page (its latest threads, meetings, consultations, member count)
    and its activity feed."""
    return [theme.url, reverse("connections:theme_feed", args=[theme.slug])]


def thread_paths(thread):
    theme = {"theme_slug": thread.theme.slug}
    return [
        *theme_paths(thread.theme),
        reverse("forums:threads", kwargs=theme),
        HOME,  # the latest discussions
        reverse("search"),
        *profile_paths(thread.author_id),
        *statistic_paths(thread.statistics.all()),
    ]


def purge_thread(thread):
    # The thread's every page (?page=N) and its feed.
    purge(thread_paths(thread), branches=[thread.get_absolute_url()])


def purge_reply(reply):
    thread = Thread.objects.filter(pk=reply.object_pk).select_related("theme").first()
    if thread is not None:
        purge_thread(thread)
        purge(profile_paths(reply.user_id))


def gap_paths(gap):
    theme = {"theme_slug": gap.theme.slug}
    return [
        *theme_paths(gap.theme),
        reverse("gaps:register", kwargs=theme),
        reverse("gaps:register_feed", kwargs=theme),
        reverse("gaps:all"),
        reverse("gaps:all_feed"),
        reverse("home:get_involved"),
        reverse("home:get_involved_feed"),
        reverse("search"),
        *profile_paths(gap.author_id),
        *statistic_paths(gap.statistics.all()),
    ]


def purge_gap(gap):
    # The gap's page, feed and links.
    purge(gap_paths(gap), branches=[gap.get_absolute_url()])


def page_paths(page):
    """A page's ancestors list it (its section, theme, the themes list, home); a
    meeting or consultation is also in the site-wide lists, feeds and calendars."""
    paths = [ancestor.url for ancestor in page.get_ancestors().specific()]
    paths.append(reverse("search"))
    if isinstance(page, EventPage | ConsultationPage):
        theme = page.theme
        paths += [
            *theme_paths(theme),
            reverse("home:get_involved"),
            reverse("home:get_involved_feed"),
            reverse("home:get_involved_calendar"),
            *statistic_paths(link.statistic for link in page.statistic_links.all()),
        ]
    if isinstance(page, EventPage):
        paths += [
            reverse("events:meetings"),
            reverse("events:meetings_feed"),
            reverse("events:meetings_calendar"),
            reverse("events:theme_meetings_feed", args=[theme.slug]),
            reverse("events:theme_meetings_calendar", args=[theme.slug]),
        ]
    if isinstance(page, ConsultationPage):
        paths += [
            reverse("consultations:consultations"),
            reverse("consultations:consultations_feed"),
            reverse("consultations:theme_consultations_feed", args=[theme.slug]),
        ]
    return [path for path in paths if path]


def purge_page(page):
    page = page.specific
    if isinstance(page, ThemePage | StandardPage):
        # A theme's title and being public are on every page under it and in every
        # list; a standard page may be in the footer, which every page has.
        purge(branches=[HOME])
    elif page.url:
        purge(page_paths(page), branches=[page.url])


def purge_everything():
    purge(branches=[HOME])


# Receivers (connected in HomeConfig.ready).


def thread_changed(sender, instance, **kwargs):
    purge_thread(instance)


def reply_changed(sender, instance, **kwargs):
    purge_reply(instance)


def reply_hidden_or_liked(sender, instance, **kwargs):
    purge_reply(instance.reply if sender is HiddenReply else instance.comment)


def gap_changed(sender, instance, **kwargs):
    purge_gap(instance)


def gap_support_or_update(sender, instance, **kwargs):
    purge_gap(instance.gap)


def statistics_named(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        {Thread: purge_thread, DataGap: purge_gap}[type(instance)](instance)


def changed_in_place(sender, pks, **kwargs):
    if sender is Thread:
        for thread in Thread.objects.filter(pk__in=pks).select_related("theme"):
            purge_thread(thread)
    elif sender is XtdComment:
        for reply in XtdComment.objects.filter(pk__in=pks):
            purge_reply(reply)
    elif sender is DataGap:
        for gap in DataGap.objects.filter(pk__in=pks).select_related("theme"):
            purge_gap(gap)
    elif issubclass(sender, Page):
        for page in sender.objects.filter(pk__in=pks):
            purge_page(page)


def page_changed(sender, instance, **kwargs):
    purge_page(instance)


def registration_or_response(sender, instance, **kwargs):
    page = getattr(instance, "meeting", None) or instance.consultation
    purge(page_paths(page.specific), branches=[page.url])


def membership_changed(sender, instance, **kwargs):
    purge(theme_paths(instance.theme))


def statistic_changed(sender, instance, **kwargs):
    # The list and every statistic's page (its slug may have changed).
    purge(branches=[reverse("catalogue:statistics")])


def restriction_changed(sender, instance, **kwargs):
    # A restriction covers every page under its own, and decides which themes are
    # public (themes.roles.public_theme_ids): rare enough to purge everything.
    purge_everything()


def theme_saved(sender, instance, **kwargs):
    # A theme made in code (add_child, a factory) is live without being published:
    # which themes are public is kept under the version of everything.
    purge_everything()


def member_changed(sender, instance, created=False, update_fields=None, **kwargs):
    if created or (update_fields and set(update_fields) <= PRIVATE_USER_FIELDS):
        return
    # Their name is beside everything they wrote.
    purge_everything()


def connect():
    for signal in (post_save, post_delete):
        signal.connect(thread_changed, sender=Thread)
        signal.connect(reply_changed, sender=XtdComment)
        signal.connect(reply_hidden_or_liked, sender=HiddenReply)
        signal.connect(reply_hidden_or_liked, sender=CommentFlag)
        signal.connect(gap_changed, sender=DataGap)
        signal.connect(gap_support_or_update, sender=GapSupport)
        signal.connect(gap_support_or_update, sender=GapUpdate)
        signal.connect(registration_or_response, sender=MeetingRegistration)
        signal.connect(registration_or_response, sender=ConsultationResponse)
        signal.connect(membership_changed, sender=ThemeMembership)
        signal.connect(statistic_changed, sender=Statistic)
        signal.connect(member_changed, sender=get_user_model())
        signal.connect(restriction_changed, sender=PageViewRestriction)
    post_save.connect(theme_saved, sender=ThemePage)
    m2m_changed.connect(statistics_named, sender=Thread.statistics.through)
    m2m_changed.connect(statistics_named, sender=DataGap.statistics.through)
    content_changed.connect(changed_in_place)
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(page_changed)
    # Deleting any kind of page deletes its Page row too, which sends this. A
    # receiver for every sender would cost every other model Django's fast delete.
    post_delete.connect(page_deleted, sender=Page)


def page_deleted(sender, instance, **kwargs):
    purge_everything()
