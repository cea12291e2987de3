"""Servers these tests stop and start: their own, on spare ports, never shared ones."""

import os
import shutil

import pytest

from tests.servers import RedisServer


def need(binary):
    if binary is None or not shutil.which(str(binary)):
        message = f"{binary} is missing: these tests start a server of their own."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def redis_server(tmp_path):
    need(RedisServer.binary)
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
