"""Rules that change who belongs to a theme and what they may do there."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from accounts import notifications
from accounts.notifications import notify
from core.links import full_url
from core.translation import (
    in_each_language,
    said_in_each_language,
    title_in_each_language,
)
from themes.models import (
    ProducerRequest,
    Role,
    ThemeCollection,
    ThemeGroup,
    ThemeMembership,
    ThemePage,
    ThemeRole,
)
from themes.roles import holds_role

# Rights on the theme's own subtree only. Chairs add and publish (meetings);
# producers add pages (consultations) and submit them for moderation.
ROLE_PAGE_PERMISSIONS = {
    Role.CHAIR: ["add_page", "change_page", "publish_page"],
    Role.PRODUCER: ["add_page"],
}
# Rights in the theme's papers collection only. Chairs attach meeting papers and
# keep the theme's papers in order; producers attach their consultations'
# documents and may change the ones they uploaded (Wagtail's "add" covers that).
ROLE_DOCUMENT_PERMISSIONS = {
    Role.CHAIR: ["add_document", "change_document", "choose_document"],
    Role.PRODUCER: ["add_document", "choose_document"],
}
ROLE_GROUP_SUFFIX = {Role.CHAIR: "chairs", Role.PRODUCER: "producers"}
MANAGE_ROLES = "themes.add_themerole"
DECIDE_PRODUCER_REQUESTS = "themes.change_producerrequest"


def unclashing_name(model, name, theme, own):
    """`name`, or with the theme's id when another theme's (or an editor's) `model`
    holds it: two themes may share a title; their groups and collections may not."""
    clash = model.objects.filter(name=name).exclude(pk__in=own)
    return f"{name} ({theme.pk})" if clash.exists() else name


def group_name(theme, role):
    # Group names hold 150 characters; page titles up to 255.
    own = ThemeGroup.objects.filter(theme=theme).values("group")
    return unclashing_name(
        Group, f"{theme.title[:120]} {ROLE_GROUP_SUFFIX[role]}", theme, own
    )


def collection_name(theme):
    own = ThemeCollection.objects.filter(theme=theme).values("collection")
    return unclashing_name(Collection, theme.title[:230], theme, own)


def sync_theme_groups(theme):
    """Give a theme its chairs and producers groups and its papers collection,
    named after it."""
    collection, new_collection = sync_papers_collection(theme)
    for role, codenames in ROLE_PAGE_PERMISSIONS.items():
        name = group_name(theme, role)
        theme_group = (
            ThemeGroup.objects.filter(theme=theme, role=role)
            .select_related("group")
            .first()
        )
        if theme_group is None:
            group = Group.objects.create(name=name)
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
            )
            for permission in Permission.objects.filter(
                content_type__app_label="wagtailcore", codename__in=codenames
            ):
                GroupPagePermission.objects.create(
                    group=group, page=theme, permission=permission
                )
            ThemeGroup.objects.create(theme=theme, role=role, group=group)
            grant_papers_permissions(group, collection, role)
        else:
            if new_collection:
                grant_papers_permissions(theme_group.group, collection, role)
            if theme_group.group.name != name:
                theme_group.group.name = name
                theme_group.group.save(update_fields=["name"])


def sync_papers_collection(theme):
    """The theme's papers collection, made or renamed to follow its title, and
    whether it is new."""
    name = collection_name(theme)
    papers = (
        ThemeCollection.objects.filter(theme=theme).select_related("collection").first()
    )
    if papers is None:
        collection = Collection.get_first_root_node().add_child(name=name)
        ThemeCollection.objects.create(theme=theme, collection=collection)
        return collection, True
    if papers.collection.name != name:
        papers.collection.name = name
        papers.collection.save(update_fields=["name"])
    return papers.collection, False


def grant_papers_permissions(group, collection, role):
    for permission in Permission.objects.filter(
        content_type__app_label="wagtaildocs",
        codename__in=ROLE_DOCUMENT_PERMISSIONS[role],
    ):
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=permission
        )


def delete_theme_groups(theme):
    Group.objects.filter(
        pk__in=ThemeGroup.objects.filter(theme=theme).values("group")
    ).delete()


def role_group(theme, role):
    """The group behind a role; every saved theme has both (see signals)."""
    return ThemeGroup.objects.select_related("group").get(theme=theme, role=role).group


# Membership


def is_member(user, theme):
    return (
        user.is_authenticated
        and ThemeMembership.objects.filter(user=user, theme=theme).exists()
    )


def join_theme(user, theme, frequency=None):
    """Join; `frequency`, when given, is how often the member hears of every kind of
    the theme's activity (they may change each on their preferences page)."""
    membership, _ = ThemeMembership.objects.get_or_create(user=user, theme=theme)
    if frequency:
        for kind in notifications.registered_kinds():
            if kind.per_theme and kind.optional:
                notifications.set_frequency(user, kind, frequency, theme)
    return membership


def leave_theme(user, theme):
    ThemeMembership.objects.filter(user=user, theme=theme).delete()


def themes_joined(user):
    return ThemePage.objects.live().filter(memberships__user=user).order_by("title")


# Roles


@transaction.atomic
def grant_role(
    theme, user, role, *, granted_by, organisation=None, job_title="", tell=True
):
    if not granted_by.has_perm(MANAGE_ROLES):
        raise PermissionDenied("Only editors appoint chairs and producers.")
    theme_role, created = ThemeRole.objects.get_or_create(
        theme=theme,
        user=user,
        role=role,
        defaults={
            "organisation": organisation,
            "job_title": job_title,
            "granted_by": granted_by,
        },
    )
    role_group(theme, role).user_set.add(user)
    join_theme(user, theme)
    if created and tell:
        notify(
            user,
            "theme_role_granted",
            "theme_role_granted",
            {
                "theme_title": title_in_each_language(theme),
                "theme_url": theme.full_url,
                # In the reader's language, as the editor's may not be theirs.
                "role": said_in_each_language(theme_role.get_role_display),
            },
        )
    return theme_role


@transaction.atomic
def revoke_role(theme_role, *, revoked_by):
    if not revoked_by.has_perm(MANAGE_ROLES):
        raise PermissionDenied("Only editors remove chairs and producers.")
    role_group(theme_role.theme, theme_role.role).user_set.remove(theme_role.user)
    theme_role.delete()


# Producer recognition


def request_producer_status(user, theme, *, organisation, job_title, reason=""):
    if holds_role(user, theme, Role.PRODUCER):
        raise ValidationError(
            gettext("You are already recognised as a producer in this theme.")
        )
    if ProducerRequest.objects.filter(
        user=user, theme=theme, status=ProducerRequest.Status.PENDING
    ).exists():
        raise ValidationError(
            gettext(
                "You have already asked to be recognised in this theme. "
                "An editor will decide soon."
            )
        )
    producer_request = ProducerRequest.objects.create(
        user=user,
        theme=theme,
        organisation=organisation,
        job_title=job_title,
        reason=reason,
    )
    context = {
        "member_name": user.get_full_name(),
        "theme_title": title_in_each_language(theme),
        "organisation": in_each_language([organisation])[0],
        "job_title": job_title,
        "admin_url": producer_request_admin_url(producer_request),
    }
    editors = get_user_model().objects.with_perm(
        DECIDE_PRODUCER_REQUESTS, backend="django.contrib.auth.backends.ModelBackend"
    )
    for editor in editors:
        notify(
            editor, "producer_request_received", "producer_request_received", context
        )
    return producer_request


def producer_request_admin_url(producer_request):
    path = reverse("producer_requests:edit", args=[producer_request.pk])
    return full_url(path)


@transaction.atomic
def decide_producer_request(producer_request, *, decided_by, approve, note=""):
    if not decided_by.has_perm(DECIDE_PRODUCER_REQUESTS):
        raise PermissionDenied("Only editors decide producer requests.")
    if producer_request.status != ProducerRequest.Status.PENDING:
        raise ValidationError("This request has already been decided.")
    producer_request.status = (
        ProducerRequest.Status.APPROVED if approve else ProducerRequest.Status.DECLINED
    )
    producer_request.decision_note = note
    producer_request.decided_by = decided_by
    producer_request.decided_at = timezone.now()
    producer_request.save()
    theme = producer_request.theme
    if approve:
        grant_role(
            theme,
            producer_request.user,
            Role.PRODUCER,
            granted_by=decided_by,
            organisation=producer_request.organisation,
            job_title=producer_request.job_title,
            tell=False,
        )
    notify(
        producer_request.user,
        "producer_request_decided",
        "producer_request_decided",
        {
            "approved": approve,
            "theme_title": title_in_each_language(theme),
            "theme_url": theme.full_url,
            "organisation": in_each_language([producer_request.organisation])[0],
            "note": note,
        },
    )
    return producer_request


def may_see_members(user, theme):
    """Members of a theme, its chairs and editors may see who else has joined."""
    return is_member(user, theme) or user.has_perm(MANAGE_ROLES)
