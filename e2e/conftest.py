"""Fixtures of the whole-flow browser tests: the app under uvicorn on a database of its own
loaded with the demo data, Chromium, and pages that record what went wrong on them.

The tests skip when the front end is not built (``npm run build``) or Chromium is missing,
unless ``AESTHETIX_REQUIRE_BROWSER=1`` (set by ``bin/test``) turns that into a failure.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Generator, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from playwright.sync_api import Browser, sync_playwright

from support import BACKEND, CHROMIUM, CHROMIUM_ARGS, DIST, Server, Watched, free_port, page_opener

# Days of appointment history the servers here load (``demo_data --history-days``).
DEMO_HISTORY_DAYS = 28
# Longest a demo load may take (a hang fails the run instead of holding it).
DEMO_LOAD_TIMEOUT_SECONDS = 1800


def _unavailable(reason: str) -> None:
    if os.environ.get("AESTHETIX_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def _database_url(name: str) -> tuple[str, str]:
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(server)
    assert parts.hostname == "127.0.0.1", "the browser tests create a database: local servers only"
    return server, urlunsplit(parts._replace(path=f"/{name}"))


def _recreate_database(server_url: str, name: str, *, drop_only: bool = False, template: str = "") -> None:
    """Drops database ``name`` and, unless ``drop_only``, creates it empty or as a copy of
    database ``template`` (which nothing may be connected to)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if drop_only:
            return
        create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        conn.execute(create)


def _database_name(suffix: str) -> str:
    """A database name of this test process (one per pytest-xdist worker)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    base = os.environ.get("DATABASE_TEST_NAME", "test_aesthetix")
    return f"{base}_{suffix}{'_' + worker if worker else ''}"


def _server_env(database_url: str, var: Path, name: str) -> dict[str, str]:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "0",
        "AESTHETIX_VAR_DIR": str(var),
        # Throttles and token revocations of this server only.
        "CACHE_KEY_PREFIX": f"e2e-browser-{worker or 'main'}",
        # Tasks of this server go to a queue only its own worker reads (new on every run:
        # messages an interrupted run left on the broker name clinics that are gone).
        "CELERY_DEFAULT_QUEUE": f"e2e-{name}-{uuid.uuid4().hex[:8]}",
        # Served as on a developer's machine (bin/run), so the docs page is tested too.
        "API_DOCS_PUBLIC": "true",
        # Every sign-in of a module, the pages' and the API clients', comes from 127.0.0.1:
        # as one clinic whose desks share one address.
        "AUTH_THROTTLE_RATE": "600/minute",
    }


def _load_demo(env: dict[str, str]) -> str:
    """migrate + collectstatic + demo_data into ``env``'s database and var folder; returns
    the demo's printed logins."""
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            manage + command,
            cwd=BACKEND,
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=DEMO_LOAD_TIMEOUT_SECONDS,
        )
    # Four weeks of history instead of bin/run's year: the flows here work on the coming
    # days, booked as busily as with the full year.
    demo = subprocess.run(
        [*manage, "demo_data", "--history-days", str(DEMO_HISTORY_DAYS)],
        cwd=BACKEND,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=DEMO_LOAD_TIMEOUT_SECONDS,
    )
    return demo.stdout


@dataclass(frozen=True)
class DemoTemplate:
    """A database loaded with the demo once per test process, and its var folder (the
    encryption keys its rows were written with, the stored photos)."""

    database: str
    var: Path
    logins: str


_TEMPLATE = pytest.StashKey[DemoTemplate | str]()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Load the demo template before the first test when any collected test needs it: in a
    hook, not in the fixture, so that the load (minutes on a busy machine) does not count
    against the time limit of whichever test happens to come first. A failed load is kept
    and reported by the tests that need it."""
    if not any("demo_template" in getattr(item, "fixturenames", ()) for item in session.items):
        return
    name = _database_name("browser_template")
    server_url, database_url = _database_url(name)
    _recreate_database(server_url, name)
    var = Path(tempfile.mkdtemp(prefix="browser-template-var-"))
    try:
        logins = _load_demo(_server_env(database_url, var, name))
    except subprocess.SubprocessError as exc:
        output = getattr(exc, "stderr", "") or getattr(exc, "output", "") or ""
        session.config.stash[_TEMPLATE] = f"the demo did not load: {exc}\n{output}"
        return
    session.config.stash[_TEMPLATE] = DemoTemplate(name, var, logins)


def pytest_sessionfinish(session: pytest.Session) -> None:
    template = session.config.stash.get(_TEMPLATE, None)
    if isinstance(template, DemoTemplate):
        _recreate_database(_database_url(template.database)[0], template.database, drop_only=True)
        shutil.rmtree(template.var, ignore_errors=True)


@pytest.fixture(scope="session")
def demo_template(request: pytest.FixtureRequest) -> DemoTemplate:
    """The demo loaded once (``pytest_collection_finish``); each module's ``server`` starts
    from a copy of it (``CREATE DATABASE … TEMPLATE``, a file copy inside PostgreSQL)
    instead of loading it again."""
    template = request.config.stash.get(_TEMPLATE, None)
    if not isinstance(template, DemoTemplate):
        pytest.fail(template or "the demo template was not loaded")
    return template


@contextmanager
def _moto_s3() -> Iterator[dict[str, str]]:
    """A moto S3 server (a real S3 HTTP endpoint, CORS open) on a free port with an empty
    bucket; yields the settings that make the app store objects there."""
    import boto3
    from moto.server import ThreadedMotoServer

    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    try:
        _host, port = moto.get_host_and_port()
        env = {
            "S3_BUCKET": "clinical-photos",
            "S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
            "S3_ACCESS_KEY_ID": "test-key",
            "S3_SECRET_ACCESS_KEY": "test-secret",
            "S3_REGION": "us-east-1",
        }
        boto3.client(
            "s3",
            endpoint_url=env["S3_ENDPOINT_URL"],
            region_name=env["S3_REGION"],
            aws_access_key_id=env["S3_ACCESS_KEY_ID"],
            aws_secret_access_key=env["S3_SECRET_ACCESS_KEY"],
        ).create_bucket(Bucket=env["S3_BUCKET"])
        yield env
    finally:
        moto.stop()


@pytest.fixture(scope="module")
def server_worker() -> bool:
    """Whether ``server`` also runs a Celery worker; a test module whose flow needs
    background work (commissions, receipts) overrides this fixture to return True."""
    return False


@pytest.fixture(scope="module")
def server_env() -> dict[str, str]:
    """Environment variables ``server`` (and its worker) get on top of the test run's; a
    test module overrides this fixture, e.g. to point the card provider at a double."""
    return {}


@pytest.fixture(scope="module")
def server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    server_worker: bool,
    server_env: dict[str, str],
    demo_template: DemoTemplate,
) -> Iterator[Server]:
    """A fresh copy of the demo's database and var folder, served by uvicorn (the real
    ASGI app: HTTP, WebSockets, WhiteNoise) on a free port, and with ``server_worker`` a
    Celery worker on a queue of this server's own; stopped and dropped after.

    Parametrize it indirectly with ``{"s3": True}`` to store objects in a moto S3 server
    (``Server.s3_origin``; the demo is then loaded afresh, its photos into that server)
    and keep uvicorn's access log (``Server.log``); without a worker, Celery tasks then
    run in-process."""
    s3 = getattr(request, "param", {}).get("s3", False)
    with ExitStack() as stack:
        extra = {**(stack.enter_context(_moto_s3()) if s3 else {}), **server_env}
        if s3 and not server_worker:
            extra["CELERY_TASK_ALWAYS_EAGER"] = "1"
        yield from _serve(
            tmp_path_factory,
            extra,
            None if s3 else demo_template,
            log_level="info" if s3 else "warning",
            with_worker=server_worker,
        )


def _serve(
    tmp_path_factory: pytest.TempPathFactory,
    extra: dict[str, str],
    template: DemoTemplate | None,
    *,
    log_level: str,
    with_worker: bool,
) -> Iterator[Server]:
    if not (DIST / "host" / "index.html").is_file():
        _unavailable("the front end is not built: npm ci && npm run build")
    if not CHROMIUM.exists():
        _unavailable("Chromium is missing: apt-get install chromium")
    name = _database_name("browser")
    server_url, database_url = _database_url(name)
    var = tmp_path_factory.mktemp("browser-var")
    env = {**_server_env(database_url, var, name), **extra}
    if template is None:
        _recreate_database(server_url, name)
        logins = _load_demo(env)
    else:
        _recreate_database(server_url, name, template=template.database)
        shutil.copytree(template.var, var, dirs_exist_ok=True)
        logins = template.logins
    port = free_port()
    log = tmp_path_factory.mktemp("browser-log") / "uvicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "core.asgi:application", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", log_level, "--lifespan", "off"],
            cwd=BACKEND, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    processes = [process]
    if with_worker:
        from core.celery import worker_argv

        with (log.parent / "worker.log").open("w") as out:
            processes.append(
                subprocess.Popen(
                    worker_argv(env["CELERY_DEFAULT_QUEUE"]),
                    cwd=BACKEND,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/healthz", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"uvicorn did not start:\n{log.read_text()}")
                time.sleep(0.3)
        yield Server(
            base,
            logins,
            Path(env["AESTHETIX_VAR_DIR"]),
            log=log,
            s3_origin=env.get("S3_ENDPOINT_URL", ""),
        )
    finally:
        for running in processes:
            os.killpg(running.pid, signal.SIGTERM)
        for running in processes:
            running.wait(timeout=30)
        _recreate_database(server_url, name, drop_only=True)


def _failures_logged(path: Path, *, lines: int = 40, width: int = 4000) -> str:
    """The last ``lines`` lines of log ``path`` at level WARNING or above (each cut to
    ``width`` characters), or its last lines when it keeps no level (the worker's)."""
    kept = [line for line in path.read_text(errors="replace").splitlines() if line.strip()]
    leveled = [line for line in kept if '"level": "' in line]
    if leveled:
        kept = [line for line in leveled if '"level": "INFO"' not in line and '"level": "DEBUG"' not in line]
    return "\n".join(line[:width] for line in kept[-lines:]) or "(nothing)"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A failed browser test reports what its server and worker logged wrong: the server
    is gone by the time anyone reads the run's output."""
    report = yield
    server = getattr(item, "funcargs", {}).get("server")
    if report.failed and isinstance(server, Server) and server.log is not None:
        for path in (server.log, server.log.parent / "worker.log"):
            if path.is_file():
                report.sections.append((f"Server {path.name}", _failures_logged(path)))
    return report


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser, server: Server) -> Iterator[Callable[..., Watched]]:
    """Opens pages of ``server``, each in a browser context of its own (another user)."""
    with page_opener(browser, server.base) as open_:
        yield open_
