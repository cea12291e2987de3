"""Producers draft consultations; editors, through "Consultation approval", publish.

Wagtail grants publishing per subtree, not per page type, so a chair who may publish
meetings in their theme could publish a consultation too. Publishing one needs
`consultations.approve_consultation`, which the Editors group has.

Responses are personal data: only the theme's producers and editors see them.
"""

from wagtail.models import PagePermissionTester

APPROVE_CONSULTATION = "consultations.approve_consultation"
SEE_ALL_RESPONSES = "consultations.see_all_responses"


def may_approve_consultations(user):
    return user.is_active and user.has_perm(APPROVE_CONSULTATION)


def is_producer_for(user, consultation):
    """Is `user` one of the producers of the consultation's theme?"""
    from themes import roles
    from themes.models import Role

    return (
        user.is_authenticated
        and user.is_active
        and roles.themes_where(user, Role.PRODUCER)
        .filter(path=consultation.theme_path)
        .exists()
    )


def may_see_responses(user, consultation):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.has_perm(SEE_ALL_RESPONSES) or is_producer_for(user, consultation)


def may_add_consultation(user, theme):
    """The theme's producers and editors post consultations."""
    from themes import roles
    from themes.models import Role

    return may_approve_consultations(user) or roles.holds_role(
        user, theme, Role.PRODUCER
    )


class ConsultationPermissionTester(PagePermissionTester):
    # Wagtail lets a producer ("add" permission) edit only the pages they created;
    # a theme's producers share its consultations, outcome and all.
    def can_edit(self):
        return super().can_edit() or is_producer_for(self.user, self.page)

    def can_publish(self):
        return super().can_publish() and may_approve_consultations(self.user)

    def can_unpublish(self):
        return super().can_unpublish() and may_approve_consultations(self.user)
