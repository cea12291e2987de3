"""Chairs draft minutes; only editors, through "Minutes approval", publish them.

Wagtail grants publishing per subtree, not per page type, so a chair who may publish
meetings in their theme could also publish its minutes. These testers add
`events.approve_minutes` (held by the Editors group) to publishing minutes.
"""

from wagtail.models import PagePermissionTester

APPROVE_MINUTES = "events.approve_minutes"


def may_approve_minutes(user):
    return user.is_active and (user.is_superuser or user.has_perm(APPROVE_MINUTES))


class MeetingPermissionTester(PagePermissionTester):
    def can_publish_subpage(self):
        # A meeting's only subpage is its minutes.
        return super().can_publish_subpage() and may_approve_minutes(self.user)


class MinutesPermissionTester(PagePermissionTester):
    def can_publish(self):
        return super().can_publish() and may_approve_minutes(self.user)

    def can_unpublish(self):
        return super().can_unpublish() and may_approve_minutes(self.user)
