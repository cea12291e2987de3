"""@handle in a thread or reply: which members a post mentions, and their links.

Only the first MAX_PER_POST members a post names count (the rest stay text); a
handle nobody has, or an erased or deactivated member's, is plain text too.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from forums.markdown import mentioned_handles, render_markdown

MAX_PER_POST = 5


def _mentionable(handles):
    return get_user_model().objects.filter(
        handle__in=handles, is_active=True, erased_at=None
    )


def _members(handles):
    if not handles:
        return {}
    return {member.handle: member for member in _mentionable(handles)}


def _member_ids(handles, excluding):
    # Two columns only: the data migration that renders old posts calls this too.
    if not handles:
        return {}
    return dict(
        _mentionable(handles).exclude(pk__in=excluding).values_list("handle", "pk")
    )


def _counted(handles, members):
    return [handle for handle in handles if handle in members][:MAX_PER_POST]


def mentioned_members(text):
    """The members the text mentions and who count, in order."""
    handles = mentioned_handles(text)
    members = _members(handles)
    return [members[handle] for handle in _counted(handles, members)]


def links_for(texts, excluding=()):
    """For each text, {handle: profile url} of the members it mentions: one query
    for all of them, however many texts. `excluding`: member ids on their way out."""
    found = [mentioned_handles(text) for text in texts]
    members = _member_ids(
        {handle for handles in found for handle in handles}, excluding
    )
    return [
        {
            handle: reverse("public_profile", args=[members[handle]])
            for handle in _counted(handles, members)
        }
        for handles in found
    ]


def links_in(text):
    return links_for([text])[0]


def render_posts(texts, excluding=()):
    """Each text as the stored HTML of a post, its mentions linked (one query)."""
    return [
        render_markdown(text, links)
        for text, links in zip(texts, links_for(texts, excluding), strict=True)
    ]
