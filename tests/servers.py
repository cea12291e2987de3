"""Throwaway servers on spare loopback ports, for the tests that stop them, the
uploads' S3 store and the benches (bench/faults.py, bench/two_servers.py): never the
machine's shared PostgreSQL or Redis, never a real bucket."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def spare_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def stop_process(process, timeout=10):
    """Ask a child process to end, then make it: a bench's web server or worker."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()


class RedisServer:
    """`redis-server` with no persistence, stopped and started again on one port."""

    binary = shutil.which("redis-server")

    def __init__(self, directory):
        self.directory = Path(directory)
        self.port = spare_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


class S3Server:
    """moto's S3-compatible server (`moto[server]`), in memory, with one bucket."""

    bucket = "statsforum-uploads"
    region = "eu-west-2"
    # moto accepts any credentials; boto3 insists on having some.
    access_key, secret_key = "testing", "testing"

    def __init__(self):
        self.port = spare_port()
        self.process = None

    @property
    def endpoint_url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def environment(self):
        """The production settings' variables for this store (docs/deploy.md)."""
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint_url,
            "AWS_S3_REGION_NAME": self.region,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
        }

    def client(self):
        import boto3  # a dev dependency, as moto is

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=self.region,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
        )

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p",
             str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port, timeout=60)
        self.client().create_bucket(
            Bucket=self.bucket,
            CreateBucketConfiguration={"LocationConstraint": self.region},
        )

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


class PostgresCluster:
    """An `initdb` cluster in a temporary directory, trust auth, loopback only.

    PostgreSQL refuses to run as root, so as root its commands run as `postgres`.
    """

    def __init__(self, directory):
        self.directory = Path(directory)
        self.data = self.directory / "pgdata"
        self.port = spare_port()
        self.as_postgres = (
            ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        )

    def url(self, database="statsforum"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, *command):
        subprocess.run(
            [*self.as_postgres, *command],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=self.directory,
        )

    def init(self):
        if self.as_postgres:
            shutil.chown(self.directory, "postgres")
        self.run(
            PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--no-sync",
        )  # fmt: skip
        self.start()
        self.run(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", str(self.port),
                 "-U", "postgres", "statsforum")  # fmt: skip

    def ctl(self, *args):
        self.run(
            PG_BIN / "pg_ctl", "-D", self.data, "-l", self.directory / "postgres.log",
            "-w", "-t", "60", *args,
        )  # fmt: skip

    def start(self):
        # A throwaway cluster: no fsync (a fast shutdown still writes everything).
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.ctl("-o", options, "start")

    def stop(self, mode="fast"):
        self.ctl("-m", mode, "stop")

    def restart(self):
        self.stop()
        self.start()

    def psql(self, sql, database="statsforum"):
        """Rows of a query, each a list of strings."""
        result = subprocess.run(
            [PG_BIN / "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U",
             "postgres", "-d", database, "-AtX", "-F", "\x1f", "-c", sql],
            capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"psql: {result.stderr.strip()}")
        return [line.split("\x1f") for line in result.stdout.splitlines() if line]

    def destroy(self):
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop("immediate")


def temporary_directory(prefix):
    return tempfile.mkdtemp(prefix=prefix)
