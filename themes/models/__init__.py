from themes.models.membership import (
    ProducerRequest,
    Role,
    ThemeGroup,
    ThemeMembership,
    ThemeRole,
)
from themes.models.pages import ThemeContact, ThemeIndexPage, ThemePage

__all__ = [
    "ProducerRequest",
    "Role",
    "ThemeContact",
    "ThemeGroup",
    "ThemeIndexPage",
    "ThemeMembership",
    "ThemePage",
    "ThemeRole",
]
