"""A member's handle: the stable name others write as @handle to mention them.

Made once from the member's name when the account is created (ASCII letters, digits
and underscores, lower case), then kept: changing one's name does not change it,
so old mentions still point to the same person. Erasing the account clears it.
"""

import re

from django.utils.text import slugify

MAX_LENGTH = 30
# Room for a number after the name when the name's handle is taken.
_STEM_LENGTH = MAX_LENGTH - 6
# A mention is @ and a handle, not inside a word or an address (a@b.com), not
# after another @ (@@x), and not cut out of a longer run of word characters.
MENTION = re.compile(rf"(?<![\w@])@([A-Za-z0-9_]{{1,{MAX_LENGTH}}})(?![\w@])")


def stem(name):
    """The handle a name would give, before making it unique."""
    base = slugify(name).replace("-", "_")
    base = re.sub(r"[^a-z0-9_]", "", base).strip("_")[:_STEM_LENGTH].strip("_")
    return base or "member"


def unique_handle(name, taken):
    """The first of stem, stem_2, stem_3 ... for which `taken(handle)` is false."""
    base = stem(name)
    handle, number = base, 1
    while taken(handle):
        number += 1
        handle = f"{base}_{number}"
    return handle
