"""The rules of the register: raising, supporting, following and triaging gaps."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language, gettext
from wagtail.log_actions import log

from accounts.suspension import check_may_contribute
from accounts.trust import must_wait_for_approval, trust_if_enough_approved
from core.signals import tell_content_changed
from core.translation import in_each_language, said_in_each_language, words_in
from gaps import notifications, tasks
from gaps.models import (
    RAISED_NOTE,
    DataGap,
    GapFollow,
    GapSupport,
    GapUpdate,
    Status,
)
from themes import roles
from themes.models import Role

TRIAGE_ALL = "gaps.triage_all_themes"
TRIAGE_ROLES = [Role.PRODUCER, Role.CHAIR]
CHANGE_STATUS = "gaps.change_status"
APPROVE = "gaps.approve"
REJECT = "gaps.reject"
# What a triager may set besides the status; anything else is a programming error.
OWNERSHIP_FIELDS = {"owner_organisation", "owner_contact", "target_date"}
NOTE_MAX_LENGTH = 4000
SUPPORTS_PER_MINUTE = 10


def may_triage(user, theme):
    """The theme's producers and chairs, and editors everywhere."""
    return roles.holds_role(user, theme, TRIAGE_ROLES, everywhere=TRIAGE_ALL)


def themes_triaged_by(user):
    """The themes whose gaps `user` may triage: every theme for editors."""
    return roles.themes_where(user, TRIAGE_ROLES, everywhere=TRIAGE_ALL)


def triages_anything(user):
    return user.is_authenticated and (
        user.has_perm(TRIAGE_ALL) or roles.holds_role_anywhere(user, TRIAGE_ROLES)
    )


def gaps_triaged_by(user):
    return DataGap.objects.filter(theme__in=themes_triaged_by(user))


def gaps_visible_to(user):
    """The one rule for who sees a gap, on its page and for every action on it:
    public gaps in live, public themes; a held gap to its author and the people
    who triage its theme."""
    gaps = DataGap.objects.all()
    return roles.posts_visible_to(user, gaps, TRIAGE_ROLES, everywhere=TRIAGE_ALL)


def check_sees(user, gap):
    if not gaps_visible_to(user).filter(pk=gap.pk).exists():
        raise PermissionDenied(gettext("You cannot see this data gap."))


def answering_as(user, theme):
    """'Office for National Statistics, Statistics producer' in each language (the
    organisation's Welsh name where it has one), kept on the timeline entry as it
    was then: `GapUpdate.shown_author_label`."""
    role = roles.role_held(user, theme, TRIAGE_ROLES)
    organisation = ""
    if role is not None and role.organisation is not None:
        (organisation,) = in_each_language([role.organisation])

    def label():
        if role is None:
            return gettext("Editor")
        parts = [words_in(organisation, get_language()), role.get_role_display()]
        return ", ".join(part for part in parts if part)

    return said_in_each_language(label)


@transaction.atomic
def raise_gap(
    user, theme, *, title, measure, purpose, topics=(), statistics=(), **details
):
    gap = DataGap.objects.create(
        theme=theme,
        author=user,
        title=title,
        measure=measure,
        purpose=purpose,
        sector=user.sector,
        # A new member's gap waits for a producer or chair, as their posts do.
        is_public=not must_wait_for_approval(
            user, " ".join([title, measure, purpose, *map(str, details.values())])
        ),
        **details,
    )
    if topics:
        gap.topics.set(topics)
    if statistics:
        gap.statistics.set(statistics)
        if gap.is_public:
            tasks.tell_followers_of_statistics.enqueue(gap.pk)
    GapUpdate.objects.create(
        gap=gap, author=user, to_status=Status.RAISED, note=RAISED_NOTE
    )
    follow(gap, user)
    return gap


def check_may_support(user, theme):
    """Suspensions, then the rate limit, before a member supports a gap (by hand,
    on the page or by email)."""
    check_may_contribute(
        user,
        theme,
        doing=gettext("add to the register"),
        action="support-gap",
        limit=SUPPORTS_PER_MINUTE,
        period=60,
        done=gettext("supported or changed %(count)s gaps in the last minute")
        % {"count": SUPPORTS_PER_MINUTE},
    )


@transaction.atomic
def support(gap, user, *, use_case="", show_name=False):
    """Add the member's weight (or change their use case); they follow it too."""
    check_sees(user, gap)
    if gap.status == Status.DUPLICATE:
        raise ValidationError(gettext("Support the gap this one duplicates instead."))
    if gap.author_id == user.pk:
        raise ValidationError(
            gettext("You raised this gap, so your need is already counted.")
        )
    _, created = GapSupport.objects.update_or_create(
        gap=gap,
        user=user,
        defaults={"use_case": use_case, "show_name": show_name, "sector": user.sector},
    )
    if created:
        DataGap.objects.filter(pk=gap.pk).update(support_count=F("support_count") + 1)
        gap.refresh_from_db(fields=["support_count"])
    follow(gap, user)


@transaction.atomic
def withdraw_support(gap, user):
    deleted, _ = GapSupport.objects.filter(gap=gap, user=user).delete()
    if deleted:
        DataGap.objects.filter(pk=gap.pk).update(support_count=F("support_count") - 1)
        gap.refresh_from_db(fields=["support_count"])


def follow(gap, user):
    check_sees(user, gap)
    GapFollow.objects.get_or_create(gap=gap, user=user)


def unfollow(gap, user):
    GapFollow.objects.filter(gap=gap, user=user).delete()


@transaction.atomic
def change_status(
    gap, user, *, status, note, duplicate_of=None, tell=True, **ownership
):
    """Move the gap on, with the public note every change needs.

    `ownership` may set owner_organisation, owner_contact and target_date;
    `tell=False` (demo data) emails nobody. Raises PermissionDenied, or
    ValidationError keyed by field, and then changes nothing.
    """
    unknown = set(ownership) - OWNERSHIP_FIELDS
    if unknown:
        raise TypeError(f"change_status() cannot set {', '.join(sorted(unknown))}")
    if not may_triage(user, gap.theme):
        raise PermissionDenied(
            gettext("Only the theme's producers and chairs triage its gaps.")
        )
    # Locked, and read afresh: the status may have moved since the form was drawn.
    gap = DataGap.objects.select_for_update().select_related("theme").get(pk=gap.pk)
    note = (note or "").strip()
    errors = {}
    if not note:
        errors["note"] = gettext("Write a note saying why: members will read it.")
    elif len(note) > NOTE_MAX_LENGTH:
        errors["note"] = gettext("Keep the note to 4,000 characters or fewer.")
    if status not in gap.next_statuses():
        errors["status"] = _refusal(gap, status)
    if status == Status.DUPLICATE:
        if duplicate_of is None:
            errors["duplicate_of"] = gettext("Choose the gap this one duplicates.")
        elif duplicate_of.pk == gap.pk or duplicate_of.status == Status.DUPLICATE:
            errors["duplicate_of"] = gettext(
                "Choose another gap that is not a duplicate."
            )
        elif duplicate_of.theme_id != gap.theme_id:
            # The triager answers for this theme only, and the form offers no other.
            errors["duplicate_of"] = gettext("Choose a gap in the same theme.")
    contact = ownership.get("owner_contact")
    if contact is not None and contact.theme_id != gap.theme_id:
        errors["owner_contact"] = gettext("Choose one of this theme's contacts.")
    if errors:
        raise ValidationError(errors)

    now = timezone.now()
    previous = gap.status
    update = GapUpdate.objects.create(
        gap=gap,
        author=user,
        author_labels=answering_as(user, gap.theme),
        from_status=previous,
        to_status=status,
        note=note,
    )
    gap.status = status
    gap.last_moved_at = now
    gap.first_response_at = gap.first_response_at or now
    for name, value in ownership.items():
        setattr(gap, name, value)
    if status == Status.DUPLICATE:
        gap.duplicate_of = duplicate_of
        _move_people(gap, duplicate_of)
    gap.save()
    # Logged here, not in the views, so the site and the admin are both audited.
    log(
        instance=gap,
        action=CHANGE_STATUS,
        user=user,
        data={
            "from_status": previous,
            "to_status": status,
            "note": note,
            "duplicate_of": duplicate_of.pk if status == Status.DUPLICATE else None,
            "update": update.pk,
        },
    )
    if tell:
        tasks.tell_of_update.enqueue(update.pk)
    return gap


@transaction.atomic
def approve_gap(gap, user):
    """A producer or chair lets a new member's held gap onto the register."""
    if not may_triage(user, gap.theme):
        raise PermissionDenied(
            gettext("Only the theme's producers and chairs approve gaps.")
        )
    # Reaching the register is its first move: the wait for a first response, and
    # the register's "recently updated", count from now, not from when it was held.
    now = timezone.now()
    if not DataGap.objects.filter(pk=gap.pk, is_public=False).update(
        is_public=True, last_moved_at=now
    ):
        return gap
    gap.is_public, gap.last_moved_at = True, now
    tell_content_changed(DataGap, [gap.pk])
    tasks.tell_followers_of_statistics.enqueue(gap.pk)
    trust_if_enough_approved(gap.author)
    log(instance=gap, action=APPROVE, user=user)
    return gap


@transaction.atomic
def reject_gap(gap, user):
    """A producer or chair deletes a held gap nobody else has seen: spam, usually.

    Deleted rather than kept as "rejected": no one but its author ever saw it, and
    a kept copy would be one more state for every list to hide. The site history
    keeps who rejected what, with the title, as for deleted threads.
    """
    if not may_triage(user, gap.theme):
        raise PermissionDenied(
            gettext("Only the theme's producers and chairs reject gaps.")
        )
    held = DataGap.objects.select_for_update().filter(pk=gap.pk, is_public=False)
    if not held.exists():
        raise ValidationError(
            gettext(
                "This data gap is on the register already, so it cannot be rejected."
            )
        )
    log(
        instance=gap,
        action=REJECT,
        user=user,
        data={"title": gap.title, "theme": gap.theme_id, "author": gap.author_id},
    )
    notifications.tell_author_of_rejection(gap)
    held.delete()


def _refusal(gap, status):
    """Why the gap cannot take this status, in words a triager understands."""
    current = gap.get_status_display().lower()
    if not gap.next_statuses():
        return gettext("A gap that is %(current)s cannot change any more.") % {
            "current": current
        }
    if status not in Status.values:
        return gettext("Choose one of the statuses offered.")
    return gettext("A gap that is %(current)s cannot become %(new)s.") % {
        "current": current,
        "new": Status(status).label.lower(),
    }


def _move_people(duplicate, original):
    """Supporters and followers of a duplicate now back and follow the original.

    The duplicate's author becomes a supporter of the original: their need counts.
    """
    added = 0
    # The original's author needs no support on their own gap.
    for supporter in duplicate.supports.exclude(user_id=original.author_id):
        _, created = GapSupport.objects.get_or_create(
            gap=original,
            user_id=supporter.user_id,
            defaults={
                "use_case": supporter.use_case,
                "show_name": supporter.show_name,
                "sector": supporter.sector,
            },
        )
        added += created
    if duplicate.author_id and duplicate.author_id != original.author_id:
        _, created = GapSupport.objects.get_or_create(
            gap=original,
            user_id=duplicate.author_id,
            defaults={"use_case": duplicate.purpose, "sector": duplicate.sector},
        )
        added += created
    if added:
        # F(): members may be supporting the original at this very moment.
        DataGap.objects.filter(pk=original.pk).update(
            support_count=F("support_count") + added
        )
        original.refresh_from_db(fields=["support_count"])
    for user_id in duplicate.follows.values_list("user_id", flat=True):
        GapFollow.objects.get_or_create(gap=original, user_id=user_id)
    # The supports leave the duplicate, and the task that tells people of this
    # change reads who to tell afterwards: following the duplicate keeps its
    # supporters on that list. A duplicate never changes again.
    for user_id in duplicate.supports.values_list("user_id", flat=True):
        GapFollow.objects.get_or_create(gap=duplicate, user_id=user_id)
    duplicate.supports.all().delete()
    duplicate.support_count = 0
