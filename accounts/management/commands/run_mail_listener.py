import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts import inbound
from accounts.mail_listener import LMTPController


class Command(BaseCommand):
    help = (
        "Listen for mail the mail server hands over by LMTP (replies by email, "
        "bounces), keep each message and queue it for the worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=settings.INBOUND_LMTP_HOST)
        parser.add_argument("--port", type=int, default=settings.INBOUND_LMTP_PORT)

    def handle(self, *args, host, port, **options):
        controller = LMTPController(host, port)
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        controller.start()
        self.stdout.write(
            f"Listening for mail by LMTP on {host}:{port} for "
            f"{', '.join(inbound.registered_mailboxes())}"
            f"+…@{settings.INBOUND_EMAIL_DOMAIN}. Stop it with Ctrl+C."
        )
        try:
            stop.wait()
        finally:
            # A message cut off here was not acknowledged: the mail server sends it
            # again, and its Message-ID keeps it from being posted twice.
            controller.stop()
