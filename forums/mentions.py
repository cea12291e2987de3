"""@handle in a thread or reply: which members a post mentions, and their links.

Only the first MAX_PER_POST members a post names count (the rest stay text); a
handle nobody has, or an erased or deactivated member's, is plain text too.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from forums.markdown import mentioned_handles

MAX_PER_POST = 5


def _members(handles):
    if not handles:
        return {}
    members = get_user_model().objects.filter(
        handle__in=handles, is_active=True, erased_at=None
    )
    return {member.handle: member for member in members}


def _counted(handles, members):
    return [handle for handle in handles if handle in members][:MAX_PER_POST]


def mentioned_members(text):
    """The members the text mentions and who count, in order."""
    handles = mentioned_handles(text)
    members = _members(handles)
    return [members[handle] for handle in _counted(handles, members)]


def links_for(texts):
    """For each text, {handle: profile url} of the members it mentions: one query
    for all of them, however many texts (a page of replies)."""
    found = [mentioned_handles(text) for text in texts]
    members = _members({handle for handles in found for handle in handles})
    return [
        {
            handle: reverse("public_profile", args=[members[handle].pk])
            for handle in _counted(handles, members)
        }
        for handles in found
    ]


def links_in(text):
    return links_for([text])[0]
