"""Static checks of the container deployment: docker-compose.yml, the Dockerfile, nginx.

No database and no Django: the files are parsed as text/YAML. Run alone with
``pytest core/tests/test_deploy.py -p no:django``.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark: list[pytest.MarkDecorator] = []

BACKEND_DIR = Path(__file__).resolve().parents[2]
REPO_DIR = BACKEND_DIR.parent
COMPOSE_FILE = REPO_DIR / "docker-compose.yml"
DOCKERFILE = BACKEND_DIR / "Dockerfile"
SETTINGS_DIR = BACKEND_DIR / "core" / "settings"
NGINX_CONF = REPO_DIR / "deploy" / "nginx" / "default.conf"
FRONTEND_DOCKERFILE = REPO_DIR / "deploy" / "frontend" / "Dockerfile"
FRONTEND_NGINX = REPO_DIR / "deploy" / "frontend" / "app.conf.template"
# The front-end apps and their seed ports (federation.config.ts).
FRONTEND_PORTS = {"host": 3000, "emr": 3001, "pos": 3002, "scheduling": 3003}

REQUIRED_SERVICES = {"postgres", "redis", "minio", "backend", "worker", "beat", "nginx"} | {
    f"frontend-{app}" for app in FRONTEND_PORTS
}
BACKEND_SERVICES = ("backend", "worker", "beat")
# What the backend needs from its environment to run against the compose services.
REQUIRED_BACKEND_ENV = {
    "DATABASE_URL",
    "REDIS_URL",
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_REGION",
    "DJANGO_SECRET_KEY",
    "JWT_SIGNING_KEY",
    "OBJECT_STORE_SIGNING_KEY",
    "FIELD_ENCRYPTION_KEYS",
    "BLIND_INDEX_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_DEBUG",
    "PUBLIC_BASE_URL",
    "AESTHETIX_VAR_DIR",
    "LOG_LEVEL",
}

# env.str("NAME", ...), env.bool("NAME"), env.db("NAME"), env("NAME"), secret("NAME"), ...
ENV_CALL = re.compile(r"""\b(?:env(?:\.[a-z_]+)?|secret)\(\s*["']([A-Z][A-Z0-9_]*)["']""")
# The secrets of the stack: compose must refuse to start without each (no default).
COMPOSE_SECRETS = (
    "DJANGO_SECRET_KEY",
    "JWT_SIGNING_KEY",
    "OBJECT_STORE_SIGNING_KEY",
    "FIELD_ENCRYPTION_KEYS",
    "BLIND_INDEX_KEY",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "DATABASE_APP_PASSWORD",
    "POSTGRES_PASSWORD",
)


def settings_env_names() -> set[str]:
    names: set[str] = set()
    for module in sorted(SETTINGS_DIR.glob("*.py")):
        names.update(ENV_CALL.findall(module.read_text(encoding="utf-8")))
    return names


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "docker-compose.yml is not a mapping"
    assert isinstance(data.get("services"), dict), "docker-compose.yml has no services"
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


def environment_of(service: dict[str, Any]) -> dict[str, str | None]:
    env = service.get("environment") or {}
    if isinstance(env, list):  # ["NAME=value", "NAME"]
        return {item.partition("=")[0]: (item.partition("=")[2] if "=" in item else None) for item in env}
    return {str(k): (None if v is None else str(v)) for k, v in env.items()}


def depends_on_of(service: dict[str, Any]) -> dict[str, dict[str, Any]]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: {} for name in deps}
    return {name: (cond or {}) for name, cond in deps.items()}


def build_context_of(service: dict[str, Any]) -> str | None:
    build = service.get("build")
    if isinstance(build, str):
        return build
    if isinstance(build, dict):
        return build.get("context")
    return None


def backend_image_services(services: dict[str, dict[str, Any]]) -> list[str]:
    return [
        name
        for name, service in services.items()
        if build_context_of(service) in ("./backend-core", "backend-core")
    ]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined, comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        pending += line
        keyword, _, rest = pending.partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
        pending = ""
    return instructions


def exec_form(arguments: str) -> list[str]:
    """Arguments of CMD/ENTRYPOINT: the JSON (exec) form, or the shell form split."""
    if arguments.startswith("["):
        parsed = json.loads(arguments)
        assert all(isinstance(p, str) for p in parsed)
        return parsed
    return shlex.split(arguments)


def runtime_stage() -> list[tuple[str, str]]:
    stages: list[list[tuple[str, str]]] = []
    for keyword, arguments in dockerfile_instructions():
        if keyword == "FROM":
            stages.append([])
        if stages:
            stages[-1].append((keyword, arguments))
    assert len(stages) >= 2, "the Dockerfile should be multi-stage"
    return stages[-1]


# --- settings scan ---------------------------------------------------------------------


def test_settings_scan_finds_the_env_vars_the_settings_read() -> None:
    names = settings_env_names()
    # If the regex stopped matching, every later env check would pass vacuously.
    assert {"DATABASE_URL", "REDIS_URL", "S3_BUCKET", "DJANGO_SECRET_KEY"} <= names
    assert "PATH" not in names


# --- docker-compose.yml ----------------------------------------------------------------


def test_required_services_exist(services: dict[str, dict[str, Any]]) -> None:
    missing = REQUIRED_SERVICES - services.keys()
    assert not missing, f"docker-compose.yml lacks services: {sorted(missing)}"


@pytest.mark.parametrize("name", BACKEND_SERVICES)
def test_backend_services_build_from_backend_core(services: dict[str, dict[str, Any]], name: str) -> None:
    assert build_context_of(services[name]) == "./backend-core"


def test_every_depends_on_target_exists(services: dict[str, dict[str, Any]]) -> None:
    dangling = {
        (name, target)
        for name, service in services.items()
        for target in depends_on_of(service)
        if target not in services
    }
    assert not dangling, f"depends_on names unknown services: {sorted(dangling)}"


def test_no_service_depends_on_itself_or_in_a_cycle(services: dict[str, dict[str, Any]]) -> None:
    graph = {name: set(depends_on_of(service)) for name, service in services.items()}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"depends_on cycle: {' -> '.join((*path, name))}"
        if name in done:
            return
        for target in graph.get(name, ()):
            visit(target, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())


@pytest.mark.parametrize("name", BACKEND_SERVICES)
def test_backend_services_wait_for_migrations(services: dict[str, dict[str, Any]], name: str) -> None:
    assert "migrate" in services, "no one-shot migrate service"
    migrate_command = services["migrate"].get("command")
    if isinstance(migrate_command, str):
        migrate_command = shlex.split(migrate_command)
    assert migrate_command[-3:] == ["manage.py", "migrate", "--noinput"]
    condition = depends_on_of(services[name]).get("migrate", {}).get("condition")
    assert condition == "service_completed_successfully"


def test_worker_and_beat_run_celery(compose: dict[str, Any]) -> None:
    services = compose["services"]
    worker = services["worker"]["command"]
    beat = services["beat"]["command"]
    assert worker[:4] == ["celery", "-A", "core", "worker"]
    assert beat[:4] == ["celery", "-A", "core", "beat"]
    # The beat schedule file lives in a named volume, so it survives a recreated container.
    schedule = beat[beat.index("--schedule") + 1]
    mounts = dict(reversed(v.split(":")[:2]) for v in services["beat"]["volumes"])
    volume = next(src for target, src in mounts.items() if schedule.startswith(target + "/"))
    assert volume in (compose.get("volumes") or {})


def test_backend_env_passes_what_the_backend_needs(services: dict[str, dict[str, Any]]) -> None:
    env = environment_of(services["backend"])
    missing = REQUIRED_BACKEND_ENV - env.keys()
    assert not missing, f"backend environment lacks {sorted(missing)}"
    assert env["DATABASE_URL"].startswith("postgres://")
    assert "@pgbouncer:6432/" in env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:6379")
    assert env["S3_ENDPOINT_URL"] == "http://minio:9000"


def test_every_backend_env_var_is_read_by_the_settings(
    services: dict[str, dict[str, Any]],
) -> None:
    read = settings_env_names()
    image_services = backend_image_services(services)
    assert set(BACKEND_SERVICES) <= set(image_services)
    unread = {
        (name, var) for name in image_services for var in environment_of(services[name]) if var not in read
    }
    assert not unread, f"compose passes env vars no setting reads: {sorted(unread)}"


def test_backend_services_share_one_environment(services: dict[str, dict[str, Any]]) -> None:
    environments = {name: environment_of(services[name]) for name in BACKEND_SERVICES}
    assert environments["worker"] == environments["backend"] == environments["beat"]


def test_compose_ships_no_usable_default_secret(services: dict[str, dict[str, Any]]) -> None:
    # Every secret is required (${NAME:?...}): a stack started without it fails at once
    # instead of running with a key printed in this repository.
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    for var in COMPOSE_SECRETS:
        assert re.search(r"\$\{" + var + r":\?[^}]+\}", text), var
        assert not re.search(r"\$\{" + var + r"(:?-|-)", text), f"{var} has a default"
    env = environment_of(services["backend"])
    for var in COMPOSE_SECRETS[:-2]:
        assert re.fullmatch(r"\$\{" + var + r":\?[^}]+\}", env[var] or ""), var
    assert "${DATABASE_APP_PASSWORD:?" in (env["DATABASE_URL"] or "")
    migrate = environment_of(services["migrate"])
    assert "${POSTGRES_PASSWORD:?" in (migrate["DATABASE_URL"] or "")
    minio = environment_of(services["minio"])
    assert (minio["MINIO_ROOT_PASSWORD"] or "").startswith("${S3_SECRET_ACCESS_KEY:?")
    postgres = environment_of(services["postgres"])
    assert (postgres["POSTGRES_PASSWORD"] or "").startswith("${POSTGRES_PASSWORD:?")


def test_backend_believes_forwarded_headers_from_nginx_only(services: dict[str, dict[str, Any]]) -> None:
    # uvicorn --forwarded-allow-ips "*" let any client choose the address that throttles,
    # the login lockout and the audit trail see.
    assert '"*"' not in COMPOSE_FILE.read_text(encoding="utf-8")
    assert services["backend"]["command"][:3] == ["python", "-m", "core.serve"]
    nginx_ip = services["nginx"]["networks"]["default"]["ipv4_address"]
    trusted = environment_of(services["backend"])["TRUSTED_PROXIES"]
    assert trusted == "${TRUSTED_PROXIES:-" + nginx_ip + "}"


def test_migrations_run_as_the_owner_and_the_servers_as_a_role_that_owns_nothing(
    services: dict[str, dict[str, Any]],
) -> None:
    """The migrate job connects straight to postgres as the owner (POSTGRES_USER) and
    grants the application's role row access; backend, worker and beat connect as that
    role through pgbouncer, which knows only that role."""
    owner = environment_of(services["postgres"])["POSTGRES_USER"]
    migrate = environment_of(services["migrate"])
    assert re.match(rf"postgres://{owner}:[^@]+@postgres:5432/", migrate["DATABASE_URL"] or "")
    app_role = migrate["DATABASE_APP_ROLE"]
    assert app_role and app_role != owner
    assert (migrate["DATABASE_APP_PASSWORD"] or "").startswith("${DATABASE_APP_PASSWORD:?")
    for name in BACKEND_SERVICES:
        assert (environment_of(services[name])["DATABASE_URL"] or "").startswith(f"postgres://{app_role}:")
        assert "pgbouncer" in depends_on_of(services[name])
    bouncer = environment_of(services["pgbouncer"])
    assert bouncer["DB_USER"] == app_role
    assert bouncer["DB_PASSWORD"] == migrate["DATABASE_APP_PASSWORD"]
    # Session mode: a connection's settings (time zone, trigger context) stay with it.
    assert bouncer["POOL_MODE"] == "session"


def test_minio_bucket_is_created_before_the_backend_starts(
    services: dict[str, dict[str, Any]],
) -> None:
    init = services["minio-init"]
    assert "minio" in depends_on_of(init)
    assert "mc mb" in " ".join(init["command"] if isinstance(init["command"], list) else [])
    condition = depends_on_of(services["backend"]).get("minio-init", {}).get("condition")
    assert condition == "service_completed_successfully"


def test_nginx_is_published_on_8080_and_mounts_its_config(
    services: dict[str, dict[str, Any]],
) -> None:
    nginx = services["nginx"]
    assert any(str(port).endswith(":8080") for port in nginx["ports"])
    assert any(
        v.startswith("./deploy/nginx/default.conf:/etc/nginx/conf.d/default.conf") for v in nginx["volumes"]
    )
    assert "backend" in depends_on_of(nginx)


# --- Dockerfile ------------------------------------------------------------------------


def test_dockerfile_default_command_is_uvicorn_on_the_asgi_app() -> None:
    commands = [exec_form(args) for keyword, args in runtime_stage() if keyword == "CMD"]
    assert commands, "the runtime stage has no CMD"
    command = commands[-1]
    # core.serve: uvicorn on core.asgi:application with the proxy trust of TRUSTED_PROXIES.
    assert command[:3] == ["python", "-m", "core.serve"]
    assert command[command.index("--port") + 1] == "8000"
    assert command[command.index("--host") + 1] == "0.0.0.0"  # noqa: S104


def test_dockerfile_runtime_stage_is_slim_non_root_and_checks_health() -> None:
    stage = runtime_stage()
    keywords = [keyword for keyword, _ in stage]
    assert "python:3.11-slim" in DOCKERFILE.read_text(encoding="utf-8")
    users = [args for keyword, args in stage if keyword == "USER"]
    assert users, "runtime stage runs as root"
    assert users[-1].split(":")[0] not in ("root", "0")
    assert ("EXPOSE", "8000") in stage
    healthchecks = [args for keyword, args in stage if keyword == "HEALTHCHECK"]
    assert healthchecks
    assert keywords.index("USER") < keywords.index("CMD")


def test_dockerfile_installs_only_the_runtime_lock_and_collects_static() -> None:
    text = "\n".join(f"{k} {a}" for k, a in dockerfile_instructions())
    assert "requirements.lock" in text
    assert "requirements-dev.lock" not in text
    assert "collectstatic --noinput" in text
    assert (BACKEND_DIR / "requirements.lock").is_file()


def test_healthcheck_script_probes_healthz() -> None:
    stage = runtime_stage()
    healthcheck = next(args for keyword, args in stage if keyword == "HEALTHCHECK")
    script = re.search(r"/app/(\S+\.py)", healthcheck)
    assert script, healthcheck
    source = (BACKEND_DIR / script.group(1)).read_text(encoding="utf-8")
    assert "/healthz" in source


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    patterns = {
        line.strip().rstrip("/")
        for line in (BACKEND_DIR / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    for required in (".venv", "var", "**/__pycache__", "node_modules", ".pytest_cache", ".env"):
        assert required in patterns, required


# --- nginx -----------------------------------------------------------------------------


def nginx_locations() -> dict[str, str]:
    text = NGINX_CONF.read_text(encoding="utf-8")
    return {
        match.group(1): match.group(2)
        for match in re.finditer(r"location\s+(?:=\s*)?(\S+)\s*\{([^}]*)\}", text)
    }


@pytest.mark.parametrize("path", ["/api/", "/admin/", "/static/", "/healthz", "/readyz", "/ws/"])
def test_nginx_proxies_backend_paths(path: str) -> None:
    locations = nginx_locations()
    assert path in locations, f"nginx has no location for {path}"
    assert "proxy_pass" in locations[path]
    assert "backend:8000" in NGINX_CONF.read_text(encoding="utf-8")


def test_nginx_upgrades_websockets_and_keeps_bodies_small() -> None:
    text = NGINX_CONF.read_text(encoding="utf-8")
    ws = nginx_locations()["/ws/"]
    assert re.search(r"proxy_set_header\s+Upgrade\s+\$http_upgrade;", ws)
    assert re.search(r"proxy_set_header\s+Connection\s+\$connection_upgrade;", ws)
    # A location with its own proxy_set_header inherits none: Host must be repeated.
    assert re.search(r"proxy_set_header\s+Host\s+", ws)
    size = re.search(r"client_max_body_size\s+(\d+)([kKmM]?);", text)
    assert size
    megabytes = int(size.group(1)) / (1024 if size.group(2).lower() == "k" else 1)
    assert 0 < megabytes <= 10


# --- front end -----------------------------------------------------------------------------


@pytest.mark.parametrize(("app", "port"), FRONTEND_PORTS.items())
def test_each_front_end_app_is_its_own_container_on_its_seed_port(
    services: dict[str, dict[str, Any]], app: str, port: int
) -> None:
    service = services[f"frontend-{app}"]
    assert service["build"]["context"] == "."
    assert service["build"]["dockerfile"] == "deploy/frontend/Dockerfile"
    assert service["build"]["args"]["APP"] == app
    assert environment_of(service)["FRONTEND_PORT"] == str(port)
    assert f"{port}:{port}" in service["ports"]
    assert depends_on_of(services["nginx"])[f"frontend-{app}"]["condition"] == "service_healthy"


@pytest.mark.parametrize(("app", "port"), FRONTEND_PORTS.items())
def test_nginx_routes_each_app_to_its_container(app: str, port: int) -> None:
    text = NGINX_CONF.read_text(encoding="utf-8")
    variable = re.search(rf"set\s+(\$\w+)\s+http://frontend-{app}:{port};", text)
    assert variable, f"no upstream for frontend-{app}"
    assert nginx_locations()[f"/static/{app}/"].split() == ["proxy_pass", f"{variable.group(1)};"]


def test_nginx_sends_every_other_page_to_the_host_shell() -> None:
    assert "frontend_host" in nginx_locations()["/"]


def test_front_end_image_builds_one_app_with_the_lock_and_serves_it_with_nginx() -> None:
    text = FRONTEND_DOCKERFILE.read_text(encoding="utf-8")
    assert "npm ci" in text and 'npm run build -w "$workspace"' in text
    stages = re.findall(r"^FROM\s+\$\{(\w+)\}", text, re.MULTILINE)
    assert stages == ["NODE_IMAGE", "NGINX_IMAGE"]
    assert re.search(r"^ARG NODE_IMAGE=node:20", text, re.MULTILINE)
    assert "COPY --from=build /src/dist/${APP} /usr/share/nginx/html/static/${APP}" in text
    ignored = (FRONTEND_DOCKERFILE.parent / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    assert {"**/node_modules", "**/dist", ".venv", ".git"} <= set(ignored)


def test_front_end_nginx_caches_hashed_chunks_only() -> None:
    text = FRONTEND_NGINX.read_text(encoding="utf-8")
    locations = {
        match.group(1): match.group(2) for match in re.finditer(r"location\s+(\S+)\s*\{([^}]*)\}", text)
    }
    assert "immutable" in locations["/static/${FRONTEND_APP}/assets/"]
    assert "no-cache" in locations["/static/${FRONTEND_APP}/"]  # remoteEntry.js, index.html
    assert "listen ${FRONTEND_PORT};" in text
