"""Keeps bench/photo_upload.py from rotting without running it at full size.

    python -m pytest bench/test_photo_upload_smoke.py -p no:cacheprovider

The run test needs the PostgreSQL of ``DATABASE_URL`` (default 127.0.0.1:5432) and takes
about fifteen seconds: it starts the benchmark, which starts uvicorn, in processes of their own.
"""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

import photo_upload as bench

SCRIPT = Path(__file__).resolve().parent / "photo_upload.py"
SUMMARY = re.compile(
    r"^photo upload: photo=(?P<mb>[\d.]+)MB app received=(?P<received>\d+) bytes "
    r"\(token (?P<token>\d+) \+ confirm (?P<confirm>\d+)\) sent=(?P<sent>\d+) bytes ratio=(?P<ratio>[\d.]+)$"
)


def test_the_photo_is_a_real_jpeg_of_about_the_size_asked() -> None:
    photo = bench.jpeg_of_about(300_000)
    assert 300_000 <= len(photo) <= 360_000
    with Image.open(io.BytesIO(photo)) as image:
        assert image.format == "JPEG"


def test_the_relay_counts_bytes_each_way() -> None:
    echo = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        connection, _ = echo.accept()
        with connection:
            data = connection.recv(100)
            connection.sendall(data * 2)

    threading.Thread(target=serve, daemon=True).start()
    relay = bench.Relay(target=echo.getsockname())
    relay.start()
    with socket.create_connection(("127.0.0.1", relay.listener.getsockname()[1])) as client:
        client.sendall(b"hello")
        received = b""
        while len(received) < 10:
            received += client.recv(100)
    relay.close()
    echo.close()
    assert received == b"hellohello"
    assert (relay.upstream, relay.downstream) == (5, 10)


def test_small_run_reports_a_few_kilobytes_for_a_megabyte_photo() -> None:
    server = os.environ.get("DATABASE_URL") or bench.DEFAULT_DATABASE_URL
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--small"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "DATABASE_URL": server},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-1]
    assert float(summary["mb"]) >= 1.0
    assert int(summary["received"]) == int(summary["token"]) + int(summary["confirm"])
    assert 0 < int(summary["received"]) < 8 * 1024
    assert any(line.startswith("checked: object of ") for line in lines)
