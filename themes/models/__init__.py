from themes.models.membership import (
    ProducerRequest,
    Role,
    ThemeCollection,
    ThemeGroup,
    ThemeMembership,
    ThemeRole,
)
from themes.models.pages import ThemeContact, ThemeIndexPage, ThemePage

__all__ = [
    "ProducerRequest",
    "Role",
    "ThemeCollection",
    "ThemeContact",
    "ThemeGroup",
    "ThemeIndexPage",
    "ThemeMembership",
    "ThemePage",
    "ThemeRole",
]
