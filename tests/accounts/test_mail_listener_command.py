"""`run_mail_listener`, as systemd runs it: it listens, refuses what is not ours,
and stops cleanly when told to."""

import os
import signal
import smtplib
import subprocess
import sys
from pathlib import Path

from tests.servers import spare_port, wait_for_port

REPO = Path(__file__).resolve().parents[2]


def test_the_command_listens_by_lmtp_and_stops_on_sigterm():
    port = spare_port()
    listener = subprocess.Popen(
        [sys.executable, "manage.py", "run_mail_listener", "--port", str(port)],
        cwd=REPO,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "statsforum.settings.test"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_port(port, timeout=60)
        with smtplib.LMTP("127.0.0.1", port) as lmtp:
            assert lmtp.ehlo()[0] == 250  # smtplib's LMTP says LHLO
            assert lmtp.has_extn("size")
            assert lmtp.mail("jane@example.org")[0] == 250
            assert lmtp.rcpt("someone@localhost")[0] == 550
            assert lmtp.rcpt("reply+abc@localhost")[0] == 250
    finally:
        listener.send_signal(signal.SIGTERM)
        out, err = listener.communicate(timeout=30)

    assert listener.returncode == 0, err
    assert f"Listening for mail by LMTP on 127.0.0.1:{port}" in out
    assert "reply+…@localhost" in out
