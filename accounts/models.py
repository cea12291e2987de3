import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from accounts import handles
from core.translation import LocalizedInBulk, taken_in_its_locale

HANDLE_ATTEMPTS = 3


class EmailUserManager(UserManager):
    """Users sign in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class Organisation(LocalizedInBulk, TranslatableMixin, index.Indexed, models.Model):
    """A body that produces official statistics or represents their users. Its
    name may have a Welsh translation (wagtail-localize); everything points at the
    English row, the one of record (core/translation.py)."""

    class Kind(models.TextChoices):
        PRODUCER = "producer", _("Producer body")
        USER = "user", _("User body")

    name = models.CharField(max_length=200)
    acronym = models.CharField(max_length=20, blank=True)
    website = models.URLField(blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PRODUCER)

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("website"),
        FieldPanel("kind"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.FilterField("kind"),
        index.FilterField("locale"),
        # Wagtail's chooser searches in one language: locale__language_code.
        index.RelatedFields("locale", [index.FilterField("language_code")]),
    ]

    # A Welsh name (the Office for National Statistics is "Swyddfa Ystadegau
    # Gwladol"); the rest is the same thing in both languages.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("acronym", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("kind", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        # Moved here from themes; keeping the table kept every row and foreign key.
        db_table = "themes_organisation"
        constraints = [
            models.UniqueConstraint(
                fields=["name", "locale"], name="accounts_one_organisation_per_name"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def clean(self):
        super().clean()
        if taken_in_its_locale(self, "name"):
            raise ValidationError(
                {"name": _("An organisation with this name already exists.")}
            )

    @property
    def short_name(self):
        return self.acronym or self.name


class ExpertiseTag(TagBase):
    """An area of expertise a member names on their profile, kept apart from topics."""

    class Meta:
        verbose_name = "area of expertise"
        verbose_name_plural = "areas of expertise"


class TaggedExpertise(TaggedItemBase):
    content_object = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="tagged_expertise"
    )
    tag = models.ForeignKey(
        ExpertiseTag, on_delete=models.CASCADE, related_name="tagged_users"
    )


class User(AbstractUser):
    class Sector(models.TextChoices):
        CITIZEN = "citizen", _("Interested citizen")
        VOLUNTARY = "voluntary", _("Voluntary organisation or charity")
        MEDIA = "media", _("Media")
        BUSINESS = "business", _("Business")
        ACADEMIC = "academic", _("Academic or researcher")
        GOVERNMENT_ANALYST = "government_analyst", _("Government analyst")
        POLICY_MAKER = "policy_maker", _("Policy maker")
        PARLIAMENTARIAN = "parliamentarian", _("Parliamentarian or their staff")
        OTHER = "other", _("Other")

    username = None
    email = models.EmailField(_("email address"), unique=True)
    handle = models.CharField(
        max_length=handles.MAX_LENGTH,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Others mention the member as @handle. Made from the name when the "
            "account is created, then kept; cleared when the account is erased."
        ),
    )
    display_name = models.CharField(
        max_length=80,
        blank=True,
        help_text=_(
            "The name other members see. Leave it empty to use your full name."
        ),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    organisation_name = models.CharField(
        _("organisation not in the list"),
        max_length=200,
        blank=True,
    )
    sector = models.CharField(max_length=30, choices=Sector.choices, blank=True)
    expertise = TaggableManager(
        _("areas of expertise"),
        through=TaggedExpertise,
        blank=True,
        help_text=_(
            "Separate areas with commas, for example: census, small-area data."
        ),
    )
    bio = models.TextField(_("about you"), max_length=1000, blank=True)
    trusted_since = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "When a moderator approved enough of the member's posts that new "
            "ones no longer wait for approval."
        ),
    )
    suspended_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "An editor has stopped the member posting anywhere until this time."
        ),
    )
    erased_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the member deleted their account but kept their public posts."
        ),
    )

    digest_time = models.TimeField(
        _("time of your digests"),
        default=datetime.time(7, 0),
        help_text=_(
            "Daily digests come at this time, UK time; weekly ones on Mondays "
            "at the same time."
        ),
    )

    # Emails are written in it, with links to the site in it (accounts/emails.py).
    email_language = models.CharField(
        "language of your emails",
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = EmailUserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            # Mail servers treat addresses case-insensitively in practice, so must we.
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_unique_ignoring_case",
                violation_error_message="An account with this email address exists.",
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        if not (self._state.adding and not self.handle and not self.erased_at):
            return super().save(*args, **kwargs)
        for attempt in range(HANDLE_ATTEMPTS):
            self.handle = handles.unique_handle(
                self.display_name or self.get_full_name(),
                lambda handle: User.objects.filter(handle=handle).exists(),
            )
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                # Someone with the same name joined at the same moment: take the
                # next handle. Any other conflict (the email) is not ours to solve.
                taken = User.objects.filter(handle=self.handle).exists()
                if attempt == HANDLE_ATTEMPTS - 1 or not taken:
                    raise

    @property
    def public_name(self):
        """The name shown to other people: never the email address."""
        if self.erased_at:
            return gettext("A former member")
        return self.display_name or self.get_full_name() or gettext("A member")

    def suspended_until_in(self, theme):
        """When the member may post in this theme again, or None if they may now.

        The one check of suspension: an editor's holds everywhere (suspended_until),
        a chair's in their theme only (ThemeSuspension).
        """
        now = timezone.now()
        ends = [
            self.suspended_until,
            *self.theme_suspensions.filter(theme_id=theme.pk).values_list(
                "until", flat=True
            ),
        ]
        return max((end for end in ends if end and end > now), default=None)

    @property
    def organisation_label(self):
        # In the reader's language: a list localizes its members' organisations first.
        if self.organisation:
            return self.organisation.localized.name
        return self.organisation_name

    def get_absolute_url(self):
        return reverse("public_profile", args=[self.pk])


class ThemeSuspension(models.Model):
    """A chair has stopped a member posting in their theme for a while."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="theme_suspensions",
    )
    # A ThemePage; accounts refers to no app of ours.
    theme = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    until = models.DateTimeField()
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "theme"], name="accounts_one_suspension_per_theme"
            )
        ]

    def __str__(self):
        return (
            f"{self.user} suspended in {self.theme} until {self.until:%Y-%m-%d %H:%M}"
        )


class NotificationPreference(models.Model):
    """How often a member hears about one kind of activity, in one theme or overall."""

    class Frequency(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")
        OFF = "off", _("Off")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(max_length=60)
    theme = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "theme"],
                name="accounts_one_preference_per_kind_in_a_theme",
            ),
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=models.Q(theme__isnull=True),
                name="accounts_one_overall_preference_per_kind",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.kind} · {self.get_frequency_display()}"


class Notification(models.Model):
    """One member told of one event: the outbox row every email and digest reads.

    Written in the same transaction as what caused it; (user, event_key) is unique,
    so an event retold (a fan-out run again after its worker died) makes no second
    row, and a row is sent once: claimed, sent, then marked with its Message-ID.
    A row may name an address instead of a member (someone with no account, such
    as a statistic's contact): then (address, event_key) is unique, and it is
    sent, retried, suppressed and stopped as any other row, never in an inbox.
    """

    class Cadence(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        CLAIMED = "claimed", _("Being sent")
        SENT = "sent", _("Sent")
        # Hidden, deleted or erased before its digest went, or switched off since.
        WITHDRAWN = "withdrawn", _("Withdrawn")
        # Final: the member's address bounced or complained (EmailSuppression).
        SUPPRESSED = "suppressed", _("Not sent: the address takes no email from us")
        # Final: every attempt the outbox allows failed, or the server refused it.
        FAILED = "failed", _("Could not be sent")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    # For a row to someone without an account: their address (lower case) and
    # name. Blank for a member's row; the address is forgotten after a while
    # (`prune_outbox_addresses`), the name kept for the page that says whom a
    # question was sent to.
    address = models.EmailField(max_length=254, blank=True)
    recipient_name = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=60)
    # A ThemePage; accounts refers to no app of ours.
    theme = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    event_key = models.CharField(
        max_length=200,
        help_text=_(
            "What happened, named by the feature (reply:42): one row per "
            "member and event."
        ),
    )
    template = models.CharField(max_length=200)
    context = models.JSONField()
    attachments = models.JSONField(default=list, blank=True)
    cadence = models.CharField(
        max_length=20, choices=Cadence.choices, default=Cadence.IMMEDIATELY
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=36, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=255, blank=True)
    # Sending: how many times it was claimed, why the last try failed, and when the
    # sweep may queue it again (outbox.BACKOFF).
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # When the member opened it from their inbox (or marked everything read).
    read_at = models.DateTimeField(null=True, blank=True)
    digest = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        help_text=_("The digest email this item went out in."),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event_key"],
                name="accounts_one_notification_per_member_and_event",
            ),
            models.UniqueConstraint(
                fields=["address", "event_key"],
                condition=models.Q(user__isnull=True) & ~models.Q(address=""),
                name="accounts_one_notification_per_address_and_event",
            ),
            # A member's row has no address of its own: it goes to theirs.
            models.CheckConstraint(
                condition=models.Q(user__isnull=True) | models.Q(address=""),
                name="accounts_notification_to_a_member_or_an_address",
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "cadence", "user"],
                name="accounts_notification_queue",
            ),
            # The header's unread count and the inbox, newest first.
            models.Index(
                fields=["user", "read_at", "-created_at"],
                name="accounts_notification_inbox",
            ),
        ]

    def __str__(self):
        return f"{self.kind} for {self.recipient} ({self.cadence}, {self.status})"

    @property
    def recipient(self):
        return self.user if self.user_id else self.recipient_name

    @property
    def to_address(self):
        """The address it goes to: its member's present one, or its own."""
        return self.user.email if self.user_id else self.address


class DataExport(models.Model):
    """A member's request for a copy of their data, built in the background."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    data = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"Data export for {self.user}, {self.requested_at:%Y-%m-%d %H:%M}"

    @property
    def is_ready(self):
        return self.completed_at is not None


class InboundMessage(models.Model):
    """One email the mail server handed to the listener, for one of our addresses.

    Written, raw bytes and all, before the listener says it accepted the message,
    so a crash loses nothing; a worker's task reads it afterwards. Unique per
    Message-ID and recipient: a redelivery is accepted again and posts nothing twice.
    """

    class Outcome(models.TextChoices):
        WAITING = "waiting", _("Waiting to be read")
        POSTED = "posted", _("Posted")
        HELD = "held", _("Posted, held for a moderator")
        REFUSED = "refused", _("Refused, and the member told why")
        IGNORED = "ignored", _("Ignored: forged, automatic or a loop")
        # A bounce or complaint that stopped emailing the address.
        STOPPED = "stopped", _("Read as a bounce or complaint: the address was stopped")
        FAILED = "failed", _("Could not be read")

    mailbox = models.CharField(max_length=40)
    recipient = models.CharField(max_length=320)
    envelope_sender = models.CharField(max_length=320, blank=True)
    message_id = models.TextField(blank=True)
    # sha256 of the Message-ID, or of the bytes when there is none: a short key.
    message_key = models.CharField(max_length=64)
    raw = models.BinaryField()
    received_at = models.DateTimeField(auto_now_add=True)
    # The member the address was signed for, once the worker has checked it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_messages",
    )
    from_address = models.CharField(max_length=320, blank=True)
    outcome = models.CharField(
        max_length=20, choices=Outcome.choices, default=Outcome.WAITING
    )
    note = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["received_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["message_key", "recipient"],
                name="accounts_inbound_once_per_message_and_recipient",
            )
        ]

    def __str__(self):
        return f"Email to {self.recipient} ({self.get_outcome_display().lower()})"


class EmailSuppression(models.Model):
    """An address we stopped emailing: it bounced, or its owner marked us as spam.

    Keyed by the address, so a member who changes theirs is emailed again; lifted
    by the member (try again, or resume after a complaint) or, for a bounce only,
    by an editor in the admin. An address the outbox wrote to without an account
    (a statistic's contact) has a suppression with no member.
    """

    class Reason(models.TextChoices):
        BOUNCE = "bounce", _("Bounced")
        COMPLAINT = "complaint", _("Marked as spam")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="email_suppressions",
    )
    address = models.EmailField(max_length=254, help_text=_("Stored in lower case."))
    reason = models.CharField(max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(default=timezone.now)
    diagnostic = models.TextField(
        blank=True,
        help_text=_("What the receiving mail server (or the complaint) said."),
    )

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("email suppression")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "address"],
                name="accounts_one_suppression_per_member_and_address",
            ),
            models.UniqueConstraint(
                fields=["address"],
                condition=models.Q(user__isnull=True),
                name="accounts_one_suppression_per_address_without_account",
            ),
        ]

    def __str__(self):
        return f"{self.address} ({self.get_reason_display()})"


class DeliveryReport(models.Model):
    """What came back about one email we sent: a failure, a delay or a complaint.

    Kept so that repeated temporary failures can add up to a suppression
    (`accounts.suppressions`), and shown to the member in their data export.
    """

    class Kind(models.TextChoices):
        PERMANENT = "permanent", _("Permanent failure")
        TEMPORARY = "temporary", _("Temporary failure")
        COMPLAINT = "complaint", _("Spam complaint")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="delivery_reports",
    )
    notification = models.ForeignKey(
        Notification, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    address = models.EmailField(max_length=254)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    received_at = models.DateTimeField(default=timezone.now)
    diagnostic = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_at", "pk"]
        indexes = [
            models.Index(
                fields=["user", "address", "kind", "received_at"],
                name="accounts_delivery_recent",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.address}"
