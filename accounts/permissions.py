"""Each member's permissions, kept in the cache between requests.

Django's ModelBackend reads a member's permissions (two queries) on the first
`has_perm` of every request, and every signed-in page asks at least one (who may
moderate every theme). The set is kept in the default cache with the version of all
permissions it was read under; anything that changes who has which permission
replaces that version, now and again when the change commits (as core/pagecache.py
purges), so the next request reads the new set. While Redis is away each process
keeps its own copy, which another process's change misses: for a minute at most.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

VERSION_KEY = "perms:version"
KEPT_SECONDS = 60


def member_key(user):
    # Being a superuser or active changes what the backend answers, not a version.
    return f"perms:{user.pk}:{user.is_superuser:d}{user.is_active:d}"


class CachedPermissionsBackend(ModelBackend):
    """First in AUTHENTICATION_BACKENDS, so the set it keeps on the member is the one
    ModelBackend and allauth's backend read after it. It signs nobody in: sessions
    keep naming the backend that did, as they did before it came."""

    def authenticate(self, request, **credentials):
        return None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            key = member_key(user_obj)
            found = cache.get_many([VERSION_KEY, key])
            version, kept = found.get(VERSION_KEY), found.get(key)
            if version is not None and kept is not None and kept[0] == version:
                user_obj._perm_cache = kept[1]
            else:
                perms = super().get_all_permissions(user_obj)
                if version is None:
                    version = secrets.token_hex(6)
                    # Another process may have started one first: keep theirs.
                    cache.add(VERSION_KEY, version, None)
                    version = cache.get(VERSION_KEY, version)
                cache.set(key, (version, perms), KEPT_SECONDS)
        return user_obj._perm_cache


def forget_every_members_permissions(**kwargs):
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))


def connect():
    user_model = get_user_model()
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(forget_every_members_permissions, sender=through)
    for model in (Group, Permission):
        post_save.connect(forget_every_members_permissions, sender=model)
        post_delete.connect(forget_every_members_permissions, sender=model)
    # Data migrations grant permissions with queries that send no signal.
    post_migrate.connect(forget_every_members_permissions)
