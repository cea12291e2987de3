from themes.models.membership import (
    ProducerRequest,
    Role,
    ThemeGroup,
    ThemeMembership,
    ThemeRole,
)
from themes.models.organisations import Organisation
from themes.models.pages import ThemeContact, ThemeIndexPage, ThemePage

__all__ = [
    "Organisation",
    "ProducerRequest",
    "Role",
    "ThemeContact",
    "ThemeGroup",
    "ThemeIndexPage",
    "ThemeMembership",
    "ThemePage",
    "ThemeRole",
]
