"""Bytes the app server receives for a direct photo upload, measured on the wire.

Creates its own PostgreSQL database (dropped and recreated at start, dropped at the end
unless ``--keep``), migrates it, opens a clinic with a doctor, a patient and a treatment
session, starts an S3 endpoint (moto's server) and the app (uvicorn, ``core.asgi``)
with ``S3_*`` pointing at it, both on 127.0.0.1. Between the client and the app sits a
byte-counting TCP relay. The client then does what the browser does for one photo:

1. ``GET /api/v1/clinic/upload-token/`` through the relay (to the app);
2. ``POST`` of the photo, multipart, to the presigned URL (straight to storage);
3. ``POST /api/v1/clinic/confirm-upload/`` through the relay (to the app).

It prints the bytes the app received and sent for steps 1 and 3 against the size of
the photo, checks that the object in storage has the photo's size and that the photo
row exists, and stops everything.

    python bench/photo_upload.py            # a 12 MB JPEG
    python bench/photo_upload.py --small    # a 1 MB JPEG (smoke test)

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted.
"""

from __future__ import annotations

import argparse
import io
import os
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench_upload"
BUCKET = "bench-photos"
# moto accepts any credentials; the app signs with these.
ACCESS_KEY, SECRET_KEY = "bench", "bench-secret"
FULL_BYTES = 12 * 1024 * 1024
SMALL_BYTES = 1024 * 1024

if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from concurrent_booking import _server, _server_env, _setup_django  # noqa: E402
from patient_search import bench_database_url, recreate_database  # noqa: E402


def jpeg_of_about(size: int) -> bytes:
    """A real 4:3 JPEG of noise (noise does not compress) of ``size`` bytes or a few
    percent more."""
    from PIL import Image

    def encoded(pixels: int) -> bytes:
        height = max(16, int((pixels * 3 / 4) ** 0.5))
        width = height * 4 // 3
        out = io.BytesIO()
        Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, "JPEG", quality=95)
        return out.getvalue()

    trial_pixels = 256 * 192
    pixels = int(trial_pixels * size / len(encoded(trial_pixels)))
    while len(photo := encoded(pixels)) < size:
        pixels = int(pixels * 1.03)
    return photo


# ------------------------------------------------------------------------------- relay


@dataclass
class Relay:
    """A TCP relay on 127.0.0.1 that counts the bytes passing each way."""

    target: tuple[str, int]
    upstream: int = 0  # client → app
    downstream: int = 0  # app → client
    lock: threading.Lock = field(default_factory=threading.Lock)
    listener: socket.socket = field(default_factory=lambda: socket.create_server(("127.0.0.1", 0)))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def _pump(self, source: socket.socket, sink: socket.socket, up: bool) -> None:
        try:
            while chunk := source.recv(65536):
                with self.lock:
                    if up:
                        self.upstream += len(chunk)
                    else:
                        self.downstream += len(chunk)
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def start(self) -> None:
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self.listener.close()


# ------------------------------------------------------------------------------- setup


def _s3_client(endpoint: str) -> Any:
    import boto3

    return boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )  # fmt: skip


@contextmanager
def _s3() -> Iterator[str]:
    """moto's S3 server on a free port of 127.0.0.1, with the bench bucket."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{server.get_host_and_port()[1]}"
        _s3_client(endpoint).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        server.stop()


@dataclass(frozen=True)
class Setup:
    clinic_id: str
    session_id: str
    token: str


def _create_session() -> Setup:
    """A clinic, a doctor signed in (with the second factor), a patient with an open
    visit and a planned session."""
    from decimal import Decimal

    from accounts.tests.factories import ClinicFactory, MembershipFactory, tokens_for
    from catalog.models import Service
    from core.roles import Role
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from emr.models import TreatmentSession, Visit
    from patients.tests.factories import ClinicPatientFactory

    clinic = ClinicFactory(name="Bench Upload")
    doctor = MembershipFactory(clinic=clinic, role=Role.DOCTOR, user__password=make_password(None)).user
    patient = ClinicPatientFactory(clinic=clinic)
    service = Service.unscoped.create(
        clinic=clinic, name="Filler", category=Service.Category.FILLER, price=Decimal("100.00"),
        currency=clinic.currency, duration_minutes=30,
    )  # fmt: skip
    visit = Visit.unscoped.create(
        clinic=clinic, patient=patient, kind=Visit.Kind.WALK_IN, opened_at=timezone.now(), opened_by=doctor
    )
    session = TreatmentSession.unscoped.create(clinic=clinic, visit=visit, patient=patient, service=service)
    return Setup(str(clinic.pk), str(session.pk), str(tokens_for(doctor).access))


# ------------------------------------------------------------------------------ measure


@dataclass(frozen=True)
class Measured:
    photo_bytes: int
    token_up: int
    token_down: int
    confirm_up: int
    confirm_down: int
    storage_status: int
    confirm_status: int

    @property
    def received(self) -> int:
        return self.token_up + self.confirm_up

    @property
    def sent(self) -> int:
        return self.token_down + self.confirm_down

    def summary(self) -> str:
        return (
            f"photo upload: photo={self.photo_bytes / 1024 / 1024:.1f}MB app received={self.received} bytes "
            f"(token {self.token_up} + confirm {self.confirm_up}) sent={self.sent} bytes "
            f"ratio={self.received / self.photo_bytes:.6f}"
        )


def _measure(app_url: str, setup: Setup, photo: bytes) -> Measured:
    import httpx

    relay = Relay(target=("127.0.0.1", int(app_url.rsplit(":", 1)[1])))
    relay.start()
    headers = {"Authorization": f"Bearer {setup.token}", "X-Clinic-Id": setup.clinic_id}
    try:
        with httpx.Client(base_url=relay.url, headers=headers, timeout=60) as app:
            token = app.get(
                "/api/v1/clinic/upload-token/",
                params={"session": setup.session_id, "kind": "before", "angle": "front",
                        "content_type": "image/jpeg", "size": len(photo)},
            )  # fmt: skip
            if token.status_code != 200:
                raise SystemExit(f"FAILED: upload-token answered {token.status_code}: {token.text}")
            token_up, token_down = relay.upstream, relay.downstream
            body = token.json()
            files = {"file": ("photo.jpg", photo, "image/jpeg")}
            stored = httpx.post(body["url"], data=body["fields"], files=files, timeout=120)
            confirmed = app.post("/api/v1/clinic/confirm-upload/", json={"key": body["key"]})
    finally:
        relay.close()
    return Measured(
        photo_bytes=len(photo),
        token_up=token_up,
        token_down=token_down,
        confirm_up=relay.upstream - token_up,
        confirm_down=relay.downstream - token_down,
        storage_status=stored.status_code,
        confirm_status=confirmed.status_code,
    )


def _check(measured: Measured, setup: Setup) -> str:
    from django.conf import settings
    from emr.models import Photo

    problems = []
    if measured.storage_status != 204:
        problems.append(f"storage answered {measured.storage_status}")
    if measured.confirm_status != 201:
        problems.append(f"confirm-upload answered {measured.confirm_status}")
    photo = Photo.unscoped.filter(session_id=setup.session_id).first()
    if photo is None:
        problems.append("no photo row")
    else:
        stored = _s3_client(settings.S3_ENDPOINT_URL).head_object(Bucket=BUCKET, Key=photo.object_key)
        size = stored["ContentLength"]
        if size != measured.photo_bytes or photo.size_bytes != size:
            problems.append(f"stored {size} bytes, photo row says {photo.size_bytes}")
    if problems:
        raise SystemExit("FAILED: " + "; ".join(problems))
    return f"checked: object of {measured.photo_bytes} bytes in storage, one photo row, status processing"


def run(
    photo_bytes: int = FULL_BYTES,
    *,
    server_url: str = DEFAULT_DATABASE_URL,
    keep: bool = False,
    out: Callable[[str], None] = print,
) -> Measured:
    """Set up, measure one upload, check, tear down; print as it goes. Raises
    SystemExit when a check fails. Once per process (Django is set up)."""
    url = bench_database_url(server_url, BENCH_DATABASE)
    started = time.perf_counter()
    photo = jpeg_of_about(photo_bytes)
    out(f"photo upload benchmark: a {len(photo)} byte JPEG, token + direct upload + confirm")
    recreate_database(server_url, BENCH_DATABASE)
    try:
        with tempfile.TemporaryDirectory(prefix="aesthetix-bench-") as var_dir, _s3() as endpoint:
            env = _server_env(url, var_dir) | {
                "S3_BUCKET": BUCKET, "S3_ENDPOINT_URL": endpoint, "S3_PUBLIC_ENDPOINT_URL": endpoint,
                "S3_ACCESS_KEY_ID": ACCESS_KEY, "S3_SECRET_ACCESS_KEY": SECRET_KEY, "S3_REGION": "us-east-1",
            }  # fmt: skip
            _setup_django(env)
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
            setup = _create_session()
            with _server(env) as server:
                out(f"uvicorn at {server.base_url}, S3 at {endpoint}")
                measured = _measure(server.base_url, setup, photo)
            out(_check(measured, setup))
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            out(f"kept database {BENCH_DATABASE}")
        else:
            recreate_database(server_url, BENCH_DATABASE, drop_only=True)
    out(f"total {time.perf_counter() - started:.1f} s")
    out(measured.summary())
    return measured


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="a 1 MB photo: a smoke test")
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    args = parser.parse_args(argv)
    run(
        SMALL_BYTES if args.small else FULL_BYTES,
        server_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        keep=args.keep,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
