"""Replies by email: the signed Reply-To of a notification, and what comes back to it.

A notification about something a member can answer (a thread, a data gap) carries
`Reply-To: reply+<token>@<INBOUND_EMAIL_DOMAIN>`. The kind says what it is about
(`NotificationKind.reply_target`, a target a feature registered, and `reply_id`,
the context key of its id); the token signs the member, the target, its id and
the day it was issued. A digest groups several things, so it has no Reply-To:
each of its items links to the page to reply on.

The token is lowercase base32 of 21 bytes, 34 characters (`reply+` and the token
make 40, within the 64 an address's local part may have, with room for a longer
mailbox name): member id (4 bytes), target (1), its id (4), the issue day (2, days
since 2000), and the first 10 bytes (80 bits) of an HMAC-SHA256 keyed on
SECRET_KEY with a salt of its own. Lowercase, because mail servers may change the
case of a local part; 80 bits, because each guess costs an email. An address
works for REPLY_ADDRESS_DAYS after it was sent.

What comes back (`receive_reply`, the `reply` mailbox) is posted as the member
through the feature's own service, so every rule of the web form holds; anything
else is answered by an email to the member's own address, never to the From of
the message (it may be forged): a forged address or an automatic message gets no
answer at all.
"""

import base64
import binascii
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from email.headerregistry import Address
from email.utils import parseaddr

from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from accounts.emails import language_of, queue_email, render_email
from accounts.inbound import Received, address, from_address
from accounts.models import InboundMessage
from core.ratelimit import seconds_to_wait

Outcome = InboundMessage.Outcome
MAILBOX = "reply"
SALT = "statsforum.inbound.reply"
# Long enough to answer after a holiday; short enough that an address found in an
# old mailbox soon stops working.
REPLY_ADDRESS_DAYS = 60
EPOCH = date(2000, 1, 1)
PAYLOAD = struct.Struct(">IcIH")
MAC_BYTES = 10
# A member gets at most this many answers an hour, whatever comes in: two robots
# answering each other stop here.
ANSWERS_PER_HOUR = 10
# Longer text is never a reply we could post; reading it would only cost time.
LONGEST_TEXT = 100_000
AUTOMATIC_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}


class Refused(Exception):
    """The feature will not post this reply; `reason` says why, to the member."""

    def __init__(self, reason, url=""):
        super().__init__(reason)
        self.reason, self.url = reason, url


@dataclass(frozen=True)
class Posted:
    held: bool
    url: str


@dataclass(frozen=True)
class ReplyTarget:
    """Something a feature lets members answer by email."""

    key: str
    # One letter, in the address: never change it once addresses are out.
    code: str
    # (user, id, text) -> Posted, or raises Refused
    post: Callable
    # id -> (what it is, in words in the active language: 'the thread "Housing
    # costs"', the page to reply on); when it is gone, the words say so and the page
    # is ""
    about: Callable


_targets: dict[str, ReplyTarget] = {}


def register_target(target):
    if len(target.code) != 1 or not target.code.isascii():
        raise ValueError("A reply target's code is one ASCII letter.")
    _targets[target.key] = target
    return target


def _target_by_code(code):
    return next((t for t in _targets.values() if t.code == code), None)


@dataclass(frozen=True)
class ReplyAddress:
    user_id: int
    target: ReplyTarget
    object_id: int
    issued: date

    @property
    def expired(self):
        return timezone.localdate() - self.issued > timedelta(days=REPLY_ADDRESS_DAYS)


class Forged(Exception):
    """Not an address we signed."""


def make_token(user_id, target_key, object_id, issued=None):
    day = ((issued or timezone.localdate()) - EPOCH).days
    payload = PAYLOAD.pack(user_id, _targets[target_key].code.encode(), object_id, day)
    return _spell(payload + _mac(payload, settings.SECRET_KEY))


def _spell(raw):
    return base64.b32encode(raw).decode().rstrip("=").lower()


def read_token(token):
    """The address a token stands for; raises Forged."""
    padded = token.upper() + "=" * (-len(token) % 8)
    try:
        raw = base64.b32decode(padded)
    except (binascii.Error, ValueError) as error:
        raise Forged from error
    # Base32's last letter carries spare bits that decoding ignores: only the
    # one spelling we issue is ours.
    if len(raw) != PAYLOAD.size + MAC_BYTES or _spell(raw) != token.lower():
        raise Forged
    payload, mac = raw[: PAYLOAD.size], raw[PAYLOAD.size :]
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if not any(constant_time_compare(mac, _mac(payload, key)) for key in keys):
        raise Forged
    user_id, code, object_id, day = PAYLOAD.unpack(payload)
    target = _target_by_code(code.decode("ascii", "replace"))
    if target is None:
        raise Forged
    return ReplyAddress(user_id, target, object_id, EPOCH + timedelta(days=day))


def _mac(payload, key):
    return salted_hmac(SALT, payload, secret=key, algorithm="sha256").digest()[
        :MAC_BYTES
    ]


def reply_to(row, kind):
    """The Reply-To of an outbox row's email, or None."""
    object_id = row.context.get(kind.reply_id) if kind.reply_target else None
    if kind.reply_target not in _targets or not isinstance(object_id, int):
        return None
    return address(MAILBOX, make_token(row.user_id, kind.reply_target, object_id))


def receive_reply(message, token):
    """The `reply` mailbox: post what the member wrote, or tell them why not."""
    if why := automatic(message):
        return Received(Outcome.IGNORED, why)
    try:
        signed = read_token(token)
    except Forged:
        # No answer: the From of a forged message is usually someone else's.
        return Received(Outcome.IGNORED, "Not an address we signed: nothing posted.")
    user = (
        get_user_model()
        .objects.filter(pk=signed.user_id, is_active=True, erased_at=None)
        .first()
    )
    if user is None:
        return Received(Outcome.IGNORED, "The member's account is closed.")
    # The features' refusals and what the reply answered are words the answer says:
    # in the member's language, not the worker's.
    with translation.override(language_of(user)):
        return post_or_refuse(user, message, signed)


def post_or_refuse(user, message, signed):
    answer = Answer(user, message, signed)
    sender = from_address(message)
    if sender not in addresses_of(user):
        # What someone else wrote is not sent on to the member.
        return answer.refuse(
            "wrong sender",
            _(
                "It came from %(sender)s, which is not an address of your account, "
                "so nothing was posted. If it was you, reply from the address we "
                "write to, or on the site."
            )
            % {"sender": sender or _("an address we could not read")},
        )
    text, attachments = reply_text(message)
    answer.text, answer.attachments = text, attachments
    if signed.expired:
        return answer.refuse(
            "expired",
            _(
                "Reply addresses work for %(days)d days, and this one is older. "
                "Nothing was posted."
            )
            % {"days": REPLY_ADDRESS_DAYS},
        )
    if not text:
        return answer.refuse(
            "empty",
            _(
                "We found nothing to post in it once the quoted email and any "
                "signature were taken out."
            ),
        )
    try:
        posted = signed.target.post(user, signed.object_id, text)
    except Refused as refusal:
        return answer.refuse("refused", refusal.reason, url=refusal.url)
    if posted.held:
        answer.send("reply_held", url=posted.url)
        return Received(Outcome.HELD, user=user)
    if attachments:
        answer.send("reply_attachments_left_out", url=posted.url)
    return Received(Outcome.POSTED, user=user)


def automatic(message):
    """Why the message is a robot's (out of office, bounce, our own), or ""."""
    submitted = str(message.get("Auto-Submitted", "")).split(";")[0].strip().lower()
    if submitted and submitted != "no":
        return f"Automatic (Auto-Submitted: {submitted}): not answered."
    precedence = str(message.get("Precedence", "")).strip().lower()
    if precedence in AUTOMATIC_PRECEDENCE:
        return f"Automatic (Precedence: {precedence}): not answered."
    if message.get("X-Autoreply") or message.get("X-Autorespond"):
        return "An automatic reply: not answered."
    if message.get_content_type() == "multipart/report":
        return "A delivery report: not answered."
    ours = {
        from_address_of(settings.DEFAULT_FROM_EMAIL),
        from_address_of(settings.SERVER_EMAIL),
    }
    if from_address(message) in ours:
        return "Our own email came back: not answered."
    return ""


def from_address_of(header):
    try:
        return Address(addr_spec=parseaddr(header)[1]).addr_spec.lower()
    except (IndexError, ValueError):
        return ""


def addresses_of(user):
    """The addresses the member may write from: those they verified, as the web
    form asks a verified address of whoever posts."""
    verified = EmailAddress.objects.filter(user=user, verified=True)
    return {email.lower() for email in verified.values_list("email", flat=True)}


def reply_text(message):
    """(what the member wrote, names of the files attached): the plain part, or the
    HTML part as Markdown, without the quoted email and the signature."""
    body = message.get_body(preferencelist=("plain", "html"))
    text = ""
    if body is not None:
        content = body_content(body)[:LONGEST_TEXT]
        if body.get_content_type() == "text/html":
            content = html_to_markdown(content)
        text = latest_reply(content)
    attachments = [
        part.get_filename() or part.get_content_type()
        for part in message.walk()
        if part.get_content_disposition() == "attachment"
    ]
    return text, attachments


def body_content(part):
    try:
        return part.get_content()
    except (LookupError, UnicodeError):
        # An unknown or lying charset: read it as UTF-8, replacing what is not.
        return (part.get_payload(decode=True) or b"").decode("utf-8", "replace")


def html_to_markdown(html):
    # Only the worker reads replies by email: web workers need not hold these.
    from markdownify import MarkdownConverter

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.find_all(["head", "style", "script", "title"]):
        hidden.decompose()
    # Outlook draws a rule above the quote, and images are signatures' logos.
    return MarkdownConverter(heading_style="ATX", strip=["hr", "img"]).convert_soup(
        soup
    )


def latest_reply(text):
    """The newest part of a reply, by mail-parser-reply.

    It splits a message at the headers mail programs put above a quote ("On ...
    wrote:", Outlook's From:/Sent:, "Original Message") and cuts signatures
    ("-- ", "Kind regards", "Sent from my iPhone"). When the newest part itself
    starts with such a header, the member wrote below or between the quoted lines:
    those lines are our own email, so they go.
    """
    from mailparser_reply.parser import EmailMessage as ReplyParser

    parsed = ReplyParser(text=text, languages=["en"], keep_hyphen_lists=True).read()
    if not parsed.replies:
        return ""
    newest = parsed.replies[0]
    body = newest.body
    if newest.headers:
        body = "\n".join(
            line for line in body.splitlines() if not line.lstrip().startswith(">")
        )
    return body.strip()


class Answer:
    """The email that tells the member what became of their reply."""

    def __init__(self, user, message, signed):
        self.user, self.message, self.signed = user, message, signed
        self.text, self.attachments = "", []

    def refuse(self, why, reason, url=""):
        self.send("reply_not_posted", reason=reason, url=url)
        return Received(Outcome.REFUSED, f"{why}: {reason}", user=self.user)

    def send(self, template, *, url="", reason=""):
        if seconds_to_wait(
            f"reply-answer:{self.user.pk}", limit=ANSWERS_PER_HOUR, period=3600
        ):
            return
        words, link = self.signed.target.about(self.signed.object_id)
        subject, text, html = render_email(
            f"email/replies/{template}",
            {
                "recipient_name": self.user.public_name,
                "their_subject": " ".join(str(self.message["Subject"] or "").split()),
                "target_label": words,
                "reason": reason,
                "text": self.text,
                "attachments": self.attachments,
                "url": url or link,
            },
            language=language_of(self.user),
        )
        headers = {"Auto-Submitted": "auto-replied"}
        if message_id := " ".join(str(self.message["Message-ID"] or "").split()):
            headers |= {"In-Reply-To": message_id, "References": message_id}
        queue_email([self.user.email], subject, text, html, headers=headers)
