from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from core.links import full_url
from forums.markdown import RENDERER_VERSION
from forums.mentions import render_posts


class Topic(TagBase):
    """A tag on a thread, such as 'census' or 'small-area data'."""

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class TaggedThread(TaggedItemBase):
    content_object = models.ForeignKey(
        "forums.Thread", on_delete=models.CASCADE, related_name="tagged_topics"
    )
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="threads")


class Thread(models.Model):
    """A discussion or a question for the producers, started by a member in a theme."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("A question for the producers")
        DISCUSSION = "discussion", _("A discussion with other members")

    theme = models.ForeignKey(
        "themes.ThemePage", on_delete=models.CASCADE, related_name="threads"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="threads",
        help_text=_(
            "Empty once a member who removed their posts has left: others "
            "answered, so the thread stays."
        ),
    )
    title = models.CharField(max_length=150)
    body = models.TextField(max_length=10_000)
    body_html = models.TextField(editable=False)
    body_html_version = models.PositiveSmallIntegerField(
        default=RENDERER_VERSION,
        editable=False,
        help_text="The renderer that made body_html (forums.markdown).",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    topics = TaggableManager("topics", through=TaggedThread, blank=True)
    statistics = models.ManyToManyField(
        "catalogue.Statistic", blank=True, related_name="threads"
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_public = models.BooleanField(
        _("visible"),
        default=True,
        help_text=_("Off while a new member's thread waits for a moderator."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(auto_now_add=True, db_index=True)
    reply_count = models.PositiveIntegerField(default=0)
    answer = models.ForeignKey(
        "django_comments_xtd.XtdComment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The reply a producer marked as the answer to this question."),
    )
    answered_by = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Replies are comments on the thread; deleting a thread deletes them too.
    replies = GenericRelation(
        "django_comments_xtd.XtdComment",
        object_id_field="object_pk",
        content_type_field="content_type",
    )

    class Meta:
        ordering = ["-is_pinned", "-last_activity_at"]
        indexes = [
            models.Index(fields=["theme", "-is_pinned", "-last_activity_at"]),
            # The latest discussions of every theme (the home page): read in order
            # and stopped at five, not every thread sorted (209 ms at 100,000
            # threads on PostgreSQL, 0.4 ms with it).
            models.Index(
                fields=["-is_pinned", "-last_activity_at"],
                name="forums_thread_latest",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Mentions resolved now, in one query: the thread page costs none for them.
        fields = kwargs.get("update_fields")
        if fields is None or "body" in fields:
            [self.body_html] = render_posts([self.body])
            self.body_html_version = RENDERER_VERSION
            if fields is not None:
                kwargs["update_fields"] = {*fields, "body_html", "body_html_version"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "forums:thread",
            kwargs={"theme_slug": self.theme.slug, "pk": self.pk, "slug": self.slug},
        )

    def get_full_url(self):
        """The address to put in an email."""
        return full_url(self.get_absolute_url())

    @property
    def slug(self):
        return slugify(self.title)[:60] or "thread"

    @property
    def is_question(self):
        return self.kind == self.Kind.QUESTION


class ThreadFollow(models.Model):
    """A member who hears about new replies in a thread, or who has muted it."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    muted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"], name="forums_one_follow_per_thread"
            )
        ]

    def __str__(self):
        return f"{self.user} {'mutes' if self.muted else 'follows'} {self.thread}"


class ReplyEdit(models.Model):
    """When a reply was last edited by its author: shown as 'edited'."""

    reply = models.OneToOneField(
        "django_comments_xtd.XtdComment", on_delete=models.CASCADE, related_name="+"
    )
    edited_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Reply {self.reply_id} edited {self.edited_at:%Y-%m-%d %H:%M}"


class Report(models.Model):
    """A member tells the moderators that a thread or a reply breaks the code."""

    class Reason(models.TextChoices):
        ABUSE = "abuse", _("It is abusive or offensive")
        PERSONAL = "personal", _("It shares someone's personal information")
        SPAM = "spam", _("It is spam or advertising")
        OFF_TOPIC = "off_topic", _("It is off topic")
        OTHER = "other", _("Something else")

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Approved")
        HIDDEN = "hidden", _("Hidden")
        DELETED = "deleted", _("Deleted")

    reply = models.ForeignKey(
        "django_comments_xtd.XtdComment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    detail = models.TextField(_("what is wrong"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reply__isnull=True) ^ models.Q(thread__isnull=True),
                name="forums_report_on_a_reply_or_a_thread",
            ),
            models.UniqueConstraint(
                fields=["reply", "reporter"],
                condition=models.Q(reply__isnull=False),
                name="forums_one_report_per_member_and_reply",
            ),
            models.UniqueConstraint(
                fields=["thread", "reporter"],
                condition=models.Q(thread__isnull=False),
                name="forums_one_report_per_member_and_thread",
            ),
        ]
        permissions = [
            ("moderate_all_themes", _("Can moderate discussions in every theme"))
        ]

    def __str__(self):
        post = f"reply {self.reply_id}" if self.reply_id else f"thread {self.thread_id}"
        return f"Report on {post}: {self.get_reason_display()}"


class HiddenReply(models.Model):
    """A moderator's decision to hide a reply: it leaves the queue and stays hidden."""

    reply = models.OneToOneField(
        "django_comments_xtd.XtdComment", on_delete=models.CASCADE, related_name="+"
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    hidden_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Reply {self.reply_id} hidden"


class RenderedReply(models.Model):
    """A reply's Markdown as sanitised HTML, made when it is saved or edited, so a
    page of replies parses none (forums/rendering.py keeps it current)."""

    reply = models.OneToOneField(
        "django_comments_xtd.XtdComment",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    html = models.TextField()
    renderer_version = models.PositiveSmallIntegerField(default=RENDERER_VERSION)

    def __str__(self):
        return f"Reply {self.reply_id} rendered"
