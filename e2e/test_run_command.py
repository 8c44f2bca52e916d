"""Smoke test of the README's run command, from a fresh clone of the committed tree.

Starts ``bin/run`` (embedded profile: SQLite, filesystem broker, real worker and beat,
ASGI server, demo data, the built front end, objects on local disk) on a free port, then
checks what a newcomer would: ``/healthz`` answers, ``/readyz`` reports every dependency,
the app's pages and remotes are served from the same origin, a printed demo login signs
in, the worker processes a task the web process enqueued, and the main job of a clinic
day runs end to end in Chromium (``main_job``).
"""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from django_otp.oath import totp

from main_job import four_k_jpeg, largest_body, main_job
from support import Server, free_port, login_of, page_opener

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Running:
    base: str
    log: Path
    var: Path
    process: subprocess.Popen[bytes]

    def wait_healthy(self, seconds: float = 840) -> httpx.Response:
        """Poll ``/healthz`` until it answers; fail at once if ``bin/run`` exits."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                return httpx.get(f"{self.base}/healthz", timeout=2)
            except httpx.TransportError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"bin/run did not come up:\n{self.log.read_text()}")
                time.sleep(0.5)


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory):
    tmp_path = tmp_path_factory.mktemp("run")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    port = free_port()
    log = tmp_path / "run.log"
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "S3_BUCKET",
            "DJANGO_SETTINGS_MODULE",
            "ZEAL_ENABLED",
        }
    }
    env.update(
        PORT=str(port),
        AESTHETIX_VAR_DIR=str(tmp_path / "var"),
        # Reuse this checkout's virtualenv: the install step still runs (and must succeed).
        AESTHETIX_VENV=os.environ.get("AESTHETIX_VENV", str(REPO / ".venv")),
    )
    with log.open("w") as out:
        process = subprocess.Popen(
            ["bash", "bin/run"],
            cwd=clone,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield Running(f"http://127.0.0.1:{port}", log, tmp_path / "var", process)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


# Install, front-end build, migrations and a year of demo data on SQLite: minutes, not
# the suite's default five.
@pytest.mark.timeout(900)
def test_run_command_serves_health_and_a_demo_login_works(running):
    health = running.wait_healthy()
    base = running.base
    assert health.status_code == 200 and health.json() == {"status": "ok"}

    ready = httpx.get(f"{base}/readyz", timeout=10).json()
    assert ready["status"] == "ok", ready
    assert ready["checks"]["database"]["backend"] == "sqlite"
    assert "filesystem" in ready["checks"]["broker"]["backend"].lower()

    output = running.log.read_text()
    phone, password = login_of(output, "receptionist")
    login = httpx.post(
        f"{base}/api/v1/auth/token",
        json={"phone": phone, "password": password},
        timeout=10,
    )
    assert login.status_code == 200, login.text
    access = login.json()["access"]
    me = httpx.get(
        f"{base}/api/v1/users/me",
        headers={"Authorization": f"Bearer {access}"},
        timeout=10,
    ).json()
    clinic_id = me["memberships"][0]["clinic_id"]
    staff = httpx.get(
        f"{base}/api/v1/staff",
        headers={"Authorization": f"Bearer {access}", "X-Clinic-Id": clinic_id},
        timeout=10,
    )
    assert staff.status_code == 200 and staff.json()["count"] >= 9


def test_run_command_serves_the_front_end_from_one_origin(running):
    running.wait_healthy()
    base = running.base
    page = httpx.get(f"{base}/calendar", timeout=10)
    assert page.status_code == 200 and '<div id="app"></div>' in page.text
    entry = re.search(r'<script type="module"[^>]* src="(/static/host/[^"]+\.js)"', page.text)
    assert entry, page.text
    assert httpx.get(f"{base}{entry[1]}", timeout=10).status_code == 200
    for remote in ("scheduling", "emr", "pos"):
        remote_entry = httpx.get(f"{base}/static/{remote}/remoteEntry.js", timeout=10)
        assert remote_entry.status_code == 200
        assert "immutable" not in remote_entry.headers["cache-control"]


@pytest.mark.timeout(420)
def test_the_worker_delivers_what_the_web_process_enqueues(running):
    """A new organization's owner enrols TOTP, invites a therapist; the worker process
    sends the invite SMS through the file adapter."""
    running.wait_healthy()
    base = running.base
    signup = httpx.post(
        f"{base}/api/v1/auth/signup",
        json={
            "organization_name": "Smoke Test Clinic Group",
            "clinic": {
                "name": "Smoke Test Clinic",
                "country": "TH",
                "time_zone": "Asia/Bangkok",
                "locale": "th",
                "currency": "THB",
            },
            "owner": {
                "phone": "+66812223344",
                "password": "Jasmine-Tea-2026",
                "given_name": "Dao",
            },
        },
        timeout=10,
    )
    assert signup.status_code == 201, signup.text
    owner = {"Authorization": f"Bearer {signup.json()['access']}"}
    secret = httpx.post(f"{base}/api/v1/auth/2fa/totp", headers=owner, timeout=10).json()["secret"]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    confirm = httpx.post(
        f"{base}/api/v1/auth/2fa/totp/confirm",
        json={"code": f"{totp(key):06d}"},  # what an authenticator app shows now
        headers=owner,
        cookies=signup.cookies,
        timeout=10,
    )
    assert confirm.status_code == 200, confirm.text
    headers = {
        "Authorization": f"Bearer {confirm.json()['access']}",
        "X-Clinic-Id": signup.json()["clinic"]["id"],
    }
    invite = httpx.post(
        f"{base}/api/v1/invites",
        json={"phone": "+66812223355", "role": "therapist"},
        headers=headers,
        timeout=10,
    )
    assert invite.status_code == 201, invite.text

    # The outbox may also hold appointment reminders the worker sent meanwhile. Loading
    # the demo leaves no task queued (its background work runs while it loads), so the
    # SMS takes seconds; the minute is for a worker still starting on a busy machine.
    outbox = running.var / "notifications" / "outbox.jsonl"
    deadline = time.monotonic() + 60
    sent: list[dict[str, str]] = []
    while not sent and time.monotonic() < deadline:
        lines = outbox.read_text().splitlines() if outbox.exists() else []
        sent = [m for m in map(json.loads, lines) if m["to"] == "+66812223355"]
        time.sleep(0.5)
    assert len(sent) == 1, running.log.read_text()
    assert invite.json()["accept_url"] in sent[0]["body"]


# The flow of three users with background work (photo processing, commission, receipt)
# on one worker process and a filesystem broker, after bin/run has come up.
@pytest.mark.timeout(900)
def test_the_main_job_runs_on_the_embedded_profile(running, browser, tmp_path):
    """On the embedded profile the object store is the local backend: the photo goes in
    one POST to its upload route (the signed policy checked there), never to an API
    endpoint, and lands under the var folder's objects."""
    running.wait_healthy()
    server = Server(running.base, running.log.read_text(), running.var)
    photo = tmp_path / "before-front.jpg"
    photo.write_bytes(four_k_jpeg())

    with page_opener(browser, running.base) as open_page:
        done = main_job(server, open_page, photo, profile="embedded")

    upload = f"{running.base}/api/v1/clinic/objects/upload"
    to_store = [r for r in done.doctor_sent if r.method == "POST" and r.url == upload]
    assert len(to_store) == 1 and to_store[0].body > done.photo_size
    assert largest_body(done.doctor_sent, running.base, but=upload) < 500_000
    # The worker keeps the verified original under a key no upload form names.
    stored = [p.name for p in (running.var / "objects" / "data").rglob("*") if p.is_file()]
    assert any(name.endswith(".original.jpg") for name in stored), stored
