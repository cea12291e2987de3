"""Who holds which role in which theme: the one place every feature asks.

`roles` is one Role or several; a person holds "any of" them. Answers that callers
compose further are querysets; nobody outside themes queries ThemeRole itself. Who
sees the posts in a theme (threads, data gaps) is answered here too, for the same
reason: one rule for every feature.
"""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q
from wagtail.models import PageViewRestriction

from accounts.models import Organisation
from core.pagecache import version_of_everything
from core.translation import localize, of_record
from themes.models import Role, ThemePage, ThemeRole

ANY_ROLE = tuple(Role)
# While Redis is away each process keeps its own copy, which a purge made by another
# process misses: no longer than a visitor's page (core/pagecache.py).
PUBLIC_THEME_IDS_SECONDS = 60


def _as_list(roles):
    # A Role is a str: without this, "chair" would be read as five roles.
    return [roles] if isinstance(roles, str) else list(roles)


def _roles_held_by(user, roles):
    if not user.is_authenticated:
        return ThemeRole.objects.none()
    return ThemeRole.objects.filter(user=user, role__in=_as_list(roles))


def _everywhere(user, permission):
    # A permission that stands for the roles in every theme (editors have it).
    return bool(permission) and user.is_authenticated and user.has_perm(permission)


def holds_role(user, theme, roles=ANY_ROLE, *, everywhere=None, held=None):
    """Does `user` hold `roles` (any of them) in `theme`, or the permission
    `everywhere` that stands for them in every theme? `held`, when the caller has
    them already (`roles_in`), are the roles they hold there: no query."""
    if _everywhere(user, everywhere):
        return True
    if held is not None:
        return not held.isdisjoint(_as_list(roles))
    return _roles_held_by(user, roles).filter(theme=theme).exists()


def holds_role_anywhere(user, roles=ANY_ROLE):
    return _roles_held_by(user, roles).exists()


def role_held(user, theme, roles=ANY_ROLE):
    """The role `user` holds in `theme` (the first of `roles` they hold), with its
    organisation, for saying who they speak for; None when they hold none."""
    return (
        _roles_held_by(user, roles)
        .filter(theme=theme)
        .select_related("organisation")
        .order_by("role")
        .first()
    )


def themes_where(user, roles=ANY_ROLE, *, everywhere=None):
    """The themes in which `user` holds `roles` (any of them): every theme with
    the permission `everywhere`."""
    if _everywhere(user, everywhere):
        return ThemePage.objects.all()
    return ThemePage.objects.filter(pk__in=_roles_held_by(user, roles).values("theme"))


def public_themes():
    """Live themes that no view restriction covers: those whose pages anyone reads.

    Wagtail's `public()` reads every restriction first, a query each time; this
    asks the same inside the one query.
    """
    theme_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted = PageViewRestriction.objects.alias(theme_path=theme_path).filter(
        theme_path__startswith=F("page__path")
    )
    # The themes of record: a theme's Welsh translation is not a theme of its own.
    return of_record(ThemePage.objects.live()).exclude(Exists(restricted))


def public_theme_ids():
    """The ids of `public_themes()`, kept in the cache under the page cache's version
    of the whole site: whatever can change them (a theme saved, published, moved or
    deleted, a view restriction anywhere) purges every page (home/page_cache.py).

    Every list and every post's page asks this; as a subquery it was most of the
    cost of finding one thread (about 3 ms of planning and building a request)."""
    key = f"themes:public:{version_of_everything()}"
    ids = cache.get(key)
    if ids is None:
        ids = list(public_themes().values_list("pk", flat=True))
        cache.set(key, ids, PUBLIC_THEME_IDS_SECONDS)
    return ids


def is_public_theme(theme):
    """Whether anyone may read `theme`: its feeds serve only such themes, so only
    they advertise them."""
    return theme.pk in public_theme_ids()


def advertised_feed(theme, url_of):
    """`url_of(theme)`, the address of a list's feed, if its feed serves it: for
    every theme (None) or a public one; else None, so no page offers a feed that
    would answer 404."""
    if theme is None or is_public_theme(theme):
        return url_of(theme)
    return None


def public_pages(pages):
    """Of `pages`, those a visitor reaches: live, under no view restriction and under
    no theme that is unpublished or private. Wagtail serves a live page below a page
    that is not, but a theme's sections answer 404 when their theme is unpublished,
    so every list, feed and index of pages asks this rather than `live().public()`."""
    page_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    hidden_theme = (
        ThemePage.objects.exclude(pk__in=public_themes().values("pk"))
        .alias(page_path=page_path)
        .filter(page_path__startswith=F("path"))
    )
    return pages.live().public().exclude(Exists(hidden_theme))


def in_public_themes(posts):
    """Of `posts`, those in public themes. By id: Wagtail search filters on a
    post's own indexed fields only."""
    return posts.filter(theme_id__in=public_theme_ids())


def public_posts(posts):
    """What everybody sees, in every public list, count and feed: posts that are
    not held or hidden, in public themes."""
    return in_public_themes(posts).filter(is_public=True)


def posts_visible_to(user, posts, roles, *, everywhere):
    """Of `posts` (threads, data gaps: an `is_public`, an `author` and a `theme`),
    those the person sees: public ones; held or hidden ones to their author and to
    the holders of `roles` in the theme, who look after it. Only ever in public
    themes: a theme that is unpublished or private shows its posts in no list, as
    its own pages show them to nobody."""
    if not user.is_authenticated:
        return public_posts(posts)
    posts = in_public_themes(posts)
    if _everywhere(user, everywhere):
        return posts
    looked_after = themes_where(user, roles)
    return posts.filter(
        Q(is_public=True) | Q(author=user) | Q(theme__in=looked_after.values("pk"))
    )


def holders(roles=ANY_ROLE, theme=None):
    """The people who hold `roles` in `theme` (in any theme when None), each once."""
    held = ThemeRole.objects.filter(role__in=_as_list(roles))
    if theme is not None:
        held = held.filter(theme=theme)
    return get_user_model().objects.filter(pk__in=held.values("user"))


def roles_in(theme, users, reader=None):
    """Each of these people's role in `theme`, by user id, for the badges beside
    their posts: its organisation named in the reader's language; a chair who also
    produces shows as chair, as in `badges_for`. With `reader`, also the roles the
    reader holds there (a set, for `holds_role`'s `held`). One query."""
    people = [user for user in users if user]  # users or their ids
    if reader is not None and reader.is_authenticated:
        people.append(reader)
    held = list(
        ThemeRole.objects.filter(theme=theme, user__in=people)
        .select_related("organisation")
        .order_by("-role")
    )
    localize(role.organisation for role in held)
    badges = {role.user_id: role for role in held}
    if reader is None:
        return badges
    return badges, {role.role for role in held if role.user_id == reader.pk}


def badges_for(pairs):
    """Each (theme id, user id)'s role in that theme, for the badges in a list
    across themes, in one query; a chair who also produces shows as chair, as in
    `role_held`."""
    pairs = {(theme_id, user_id) for theme_id, user_id in pairs if user_id}
    if not pairs:
        return {}
    held = (
        ThemeRole.objects.filter(
            theme_id__in={theme_id for theme_id, _ in pairs},
            user_id__in={user_id for _, user_id in pairs},
        )
        .select_related("organisation")
        .order_by("-role")
    )
    return {
        (role.theme_id, role.user_id): role
        for role in held
        if (role.theme_id, role.user_id) in pairs
    }


def roles_of(user):
    """Every role `user` holds, with its theme and organisation."""
    return ThemeRole.objects.filter(user=user).select_related("theme", "organisation")


def organisations_of(user, roles=ANY_ROLE):
    """The organisations `user` speaks for in some theme holding `roles`."""
    return of_record(Organisation.objects).filter(
        pk__in=_roles_held_by(user, roles).values("organisation")
    )


def speaking_for(organisation, roles=ANY_ROLE):
    """The people who hold `roles` for `organisation` in some theme, each once."""
    held = ThemeRole.objects.filter(role__in=_as_list(roles), organisation=organisation)
    return get_user_model().objects.filter(pk__in=held.values("user"))
