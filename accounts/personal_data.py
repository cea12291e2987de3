"""What each app holds about a member, so they can take a copy or have it erased.

Each feature app registers a `PersonalData` in its AppConfig.ready: how to export what
the member contributed there, how to erase it, and what of it their public profile
shows. accounts knows no feature; it only calls what was registered.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PublicContribution:
    text: str
    url: str = ""


@dataclass(frozen=True)
class PersonalData:
    key: str
    label: str
    # user -> JSON-serialisable list of records
    export: Callable
    # (user, keep_public_posts) -> None; runs before the account is erased
    erase: Callable
    # user -> list of PublicContribution for the public profile
    public: Callable | None = None


_registry: dict[str, PersonalData] = {}


def register(personal_data):
    _registry[personal_data.key] = personal_data
    return personal_data


def registered():
    return list(_registry.values())
