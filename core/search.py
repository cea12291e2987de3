"""What a visitor typed into a search box, made fit for full-text search."""

import re

# SQLite's full-text search stops at a NUL ("unterminated string") and PostgreSQL
# text cannot hold one; no other control character means anything in a search.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def search_query(text, max_length):
    """The words of `text`, control characters taken out, at most max_length long."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text or "").split())[:max_length]
