"""When a member's posts wait for a moderator: one rule for every kind of member
content others see (threads, replies, data gaps).

Each feature registers how many of a member's posts others can see, in its
AppConfig.ready; a member is trusted once APPROVALS_TO_TRUST of them, of any kind,
have been approved.
"""

import re
from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

# New members' posts wait for a moderator until this many have been approved.
APPROVALS_TO_TRUST = 2
# Posts from accounts younger than this with more links than LINKS_FROM_NEW_ACCOUNTS
# wait too: the usual shape of spam.
NEW_ACCOUNT_AGE = timedelta(days=7)
LINKS_FROM_NEW_ACCOUNTS = 2
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)

# user -> how many of their posts of one kind others can see
_public_post_counters: list[Callable] = []


def register_public_posts(count):
    _public_post_counters.append(count)
    return count


def must_wait_for_approval(user, text):
    if user.trusted_since is None:
        return True
    is_new = timezone.now() - user.date_joined < NEW_ACCOUNT_AGE
    return is_new and len(LINK.findall(text)) > LINKS_FROM_NEW_ACCOUNTS


def trust_if_enough_approved(user):
    if user is None or user.trusted_since:
        return
    approved = sum(count(user) for count in _public_post_counters)
    if approved >= APPROVALS_TO_TRUST:
        user.trusted_since = timezone.now()
        user.save(update_fields=["trusted_since"])
