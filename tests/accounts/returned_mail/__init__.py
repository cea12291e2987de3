"""Raw mail that comes back to a return path, as real servers send it.

Each .eml file is a message as it reaches the inbound listener, with three
placeholders filled in by `returned`: {{RETURN_PATH}} (the outbox row's envelope
sender), {{RECIPIENT}} (the member's address) and {{FEEDBACK_ADDRESS}} (where a
provider's feedback loop sends complaints).
"""

import email
import email.policy
from pathlib import Path

HERE = Path(__file__).parent


def raw_returned(
    name, return_path, recipient, feedback_address="fbl@statsforum.example"
):
    """The message's bytes as the mail server sends them, every line ending CRLF."""
    raw = (HERE / f"{name}.eml").read_bytes()
    for placeholder, value in [
        (b"{{RETURN_PATH}}", return_path),
        (b"{{RECIPIENT}}", recipient),
        (b"{{FEEDBACK_ADDRESS}}", feedback_address),
    ]:
        raw = raw.replace(placeholder, value.encode())
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def returned(name, *args, **kwargs):
    return email.message_from_bytes(
        raw_returned(name, *args, **kwargs), policy=email.policy.default
    )
