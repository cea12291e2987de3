"""The envelope sender (VERP) of every outbox email: bounces+<token>@<domain>.

What comes back to that address (a bounce, a delay, a spam complaint) names the
outbox row it is about. The token is the row's id and a MAC of the id and the
address the email went to, in lower-case base 36 and base 32: short enough for an
address's local part (64 characters at most), unharmed by an MTA that lowercases
it, and useless for any other row or any later address of the member.
"""

import base64
import hmac
import re

from django.conf import settings
from django.utils.crypto import salted_hmac

from core.ids import MAX_ID

MAILBOX = "bounces"
SALT = "statsforum.return-path"
MAC_BYTES = 10  # 80 bits: 16 characters of base 32
TOKEN = re.compile(r"([0-9a-z]{1,13})-([a-z2-7]{16})")


def token_for(row_id, address):
    return f"{_base36(row_id)}-{_mac(row_id, address)}"


def return_path(row):
    """The envelope sender for this outbox row, sent to its member's address (or
    its own, for someone without an account)."""
    return (
        f"{MAILBOX}+{token_for(row.pk, row.to_address)}@{settings.INBOUND_EMAIL_DOMAIN}"
    )


def row_id_of(token):
    """The row id a token names, not yet verified; None for no token at all."""
    match = TOKEN.fullmatch((token or "").strip().lower())
    row_id = int(match[1], 36) if match else None
    return row_id if row_id and row_id <= MAX_ID else None


def verifies(token, row_id, address):
    """Whether `token` was made for this row and this address."""
    match = TOKEN.fullmatch((token or "").strip().lower())
    return bool(match) and hmac.compare_digest(match[2], _mac(row_id, address))


def token_in(address):
    """The token of one of our return paths (bounces+<token>@...), else ''."""
    local, _, domain = (address or "").strip().strip("<>").rpartition("@")
    mailbox, _, token = local.partition("+")
    if (
        mailbox.lower() != MAILBOX
        or domain.lower() != settings.INBOUND_EMAIL_DOMAIN.lower()
    ):
        return ""
    return token


def _mac(row_id, address):
    digest = salted_hmac(
        SALT, f"{row_id}:{address.strip().lower()}", algorithm="sha256"
    ).digest()
    return base64.b32encode(digest[:MAC_BYTES]).decode().lower()


def _base36(number):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
        if not number:
            return text
