"""Choices whose labels are translated."""

from django.db import models
from django.db.models.enums import ChoicesType, enum_property


class TranslatedChoicesType(ChoicesType):
    @property
    def choices(cls):
        # Lazy, for model fields and forms made at import time.
        empty = [(None, cls.__empty__)] if hasattr(cls, "__empty__") else []
        return empty + [(member.value, member._label_) for member in cls]


class TranslatedTextChoices(models.TextChoices, metaclass=TranslatedChoicesType):
    """TextChoices with labels marked gettext_lazy: `choices` keeps them lazy, and a
    member's `label` is a plain string in the language active now."""

    @enum_property
    def label(self):
        return str(self._label_)
