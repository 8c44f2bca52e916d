"""Secret keys: made per installation on first start, never a default published in the
source (core/settings/keys.py, core/checks.py)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jwt
import pytest
from celery import signals
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client

from core import checks
from core.objectstore import LocalObjectStore
from core.roles import Role
from core.settings.keys import KEY_NAMES, keys_file_load

BACKEND_DIR = Path(__file__).resolve().parents[2]
OLD_DEFAULT_KEY = "insecure-dev-key-change-me-in-production-0123456789"

_PRINT_KEYS = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps([settings.SECRET_KEY, settings.SIMPLE_JWT["SIGNING_KEY"],
    settings.OBJECT_STORE_SIGNING_KEY, settings.FIELD_ENCRYPTION_KEYS, settings.BLIND_INDEX_KEY]))
"""


def _embedded_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """This process's environment as ``bin/run`` would have it: no server URLs, no keys."""
    drop = {"DATABASE_URL", "REDIS_URL", "S3_BUCKET", "ZEAL_ENABLED", *KEY_NAMES}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "AESTHETIX_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "core.settings", **extra}


def test_embedded_processes_starting_together_share_fresh_private_keys(tmp_path):
    # The server, the worker and beat of bin/run load their settings at the same moment.
    env = _embedded_env(tmp_path / "var")
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", _PRINT_KEYS], cwd=BACKEND_DIR, env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    outputs = [json.loads(process.communicate(timeout=120)[0]) for process in starts]
    assert all(process.returncode == 0 for process in starts)
    assert outputs[0] == outputs[1] == outputs[2]

    secret_key, jwt_key, object_key, field_keys, blind_key = outputs[0]
    assert len({secret_key, jwt_key, object_key, blind_key}) == 4  # one key per purpose
    assert OLD_DEFAULT_KEY not in outputs[0]
    assert min(len(secret_key), len(jwt_key), len(object_key)) >= 50
    Fernet(field_keys[0])  # a valid Fernet key
    keys_file = tmp_path / "var" / "secrets.env"
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
    assert [p.name for p in keys_file.parent.iterdir() if p.name.startswith(".secrets")] == []

    # A restart keeps them: tokens, links and encrypted columns stay valid.
    restart = subprocess.run(
        [sys.executable, "-c", _PRINT_KEYS], cwd=BACKEND_DIR, env=env, capture_output=True, text=True
    )
    assert restart.returncode == 0 and json.loads(restart.stdout) == outputs[0]


_CHECK_TOKENS = """
import sys, time, jwt, django
django.setup()
from django.conf import settings
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import AccessToken
now = int(time.time())
claims = {"token_type": "access", "iat": now, "exp": now + 600, "jti": "f" * 32,
          "sub": "00000000-0000-0000-0000-000000000001", "otp": True}
for key in (sys.argv[1], settings.SIMPLE_JWT["SIGNING_KEY"]):
    try:
        AccessToken(jwt.encode(claims, key, algorithm="HS256"))
        print("accepted")
    except TokenError:
        print("rejected")
"""


def test_fresh_embedded_install_rejects_an_owner_token_forged_with_the_old_default_key(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", _CHECK_TOKENS, OLD_DEFAULT_KEY],
        cwd=BACKEND_DIR,
        env=_embedded_env(tmp_path / "var"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    # The same claims signed with the installation's own key pass: only the key differs.
    assert result.stdout.split() == ["rejected", "accepted"]


def test_environment_keys_win_over_the_keys_file(tmp_path):
    jwt_key = "an-operator-chosen-jwt-key-of-more-than-fifty-characters-0123456789"
    env = _embedded_env(tmp_path / "var", JWT_SIGNING_KEY=jwt_key)
    out = subprocess.run(
        [sys.executable, "-c", _PRINT_KEYS], cwd=BACKEND_DIR, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0 and json.loads(out.stdout)[1] == jwt_key


def test_keys_file_readable_by_others_is_made_private(tmp_path):
    path = tmp_path / "secrets.env"
    first = keys_file_load(path)
    path.chmod(0o644)
    assert keys_file_load(path) == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_keys_file_missing_a_key_is_refused(tmp_path):
    path = tmp_path / "secrets.env"
    path.write_text("DJANGO_SECRET_KEY=x\n")
    with pytest.raises(ImproperlyConfigured, match="JWT_SIGNING_KEY"):
        keys_file_load(path)


def test_owner_token_forged_with_the_old_default_key_is_rejected(api, world):
    owner = api(world.a.user(Role.OWNER))
    genuine = owner._credentials["HTTP_AUTHORIZATION"].removeprefix("Bearer ")
    claims = jwt.decode(genuine, options={"verify_signature": False})
    assert claims["otp"] is True
    forged = jwt.encode(claims, OLD_DEFAULT_KEY, algorithm="HS256")

    assert owner.get("/api/v1/users/me").status_code == 200
    owner.credentials(HTTP_AUTHORIZATION=f"Bearer {forged}")
    assert owner.get("/api/v1/users/me").status_code == 401


def test_a_published_default_key_fails_the_system_check(settings):
    assert checks.keys_not_published() == []
    settings.SECRET_KEY = OLD_DEFAULT_KEY
    compose_default = "dev-only-insecure-secret-key-change-me-before-any-real-use"
    settings.SIMPLE_JWT = {**settings.SIMPLE_JWT, "SIGNING_KEY": compose_default}

    assert [m.id for m in checks.keys_not_published()] == ["core.E002", "core.E002"]
    with pytest.raises(SystemCheckError, match="DJANGO_SECRET_KEY is a default key"):
        call_command("check")
    with pytest.raises(ImproperlyConfigured):
        checks.refuse_published_keys()


# The signals are sent here without a worker: Celery's own Django fixup warns about that.
@pytest.mark.filterwarnings("ignore::celery.exceptions.FixupWarning")
def test_celery_worker_and_beat_refuse_a_published_key(settings):
    settings.OBJECT_STORE_SIGNING_KEY = "build-only-collectstatic-key-not-used-at-runtime"
    for signal in (signals.worker_init, signals.beat_init):
        with pytest.raises(SystemExit, match="OBJECT_STORE_SIGNING_KEY"):
            signal.send(sender=None)


def test_asgi_application_refuses_to_load_with_a_published_key(tmp_path):
    env = _embedded_env(tmp_path / "var", DJANGO_SECRET_KEY=OLD_DEFAULT_KEY)
    result = subprocess.run(
        [sys.executable, "-c", "import core.asgi"], cwd=BACKEND_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is a default key" in result.stderr


def test_deploy_check_fails_on_short_or_shared_keys(settings):
    assert checks.keys_strong() == []
    settings.SIMPLE_JWT = {**settings.SIMPLE_JWT, "SIGNING_KEY": "short-jwt-key"}
    settings.OBJECT_STORE_SIGNING_KEY = settings.SECRET_KEY
    messages = [m.msg for m in checks.keys_strong()]

    assert [m.id for m in checks.keys_strong()] == ["core.E003", "core.E003"]
    assert "JWT_SIGNING_KEY is weak" in messages[0]
    assert "DJANGO_SECRET_KEY and OBJECT_STORE_SIGNING_KEY are the same key" in messages[1]
    with pytest.raises(SystemCheckError, match=r"core\.E003"):
        call_command("check", deploy=True)


@pytest.mark.parametrize("content_type", ["text/html", "image/svg+xml", "application/javascript"])
def test_local_object_that_is_not_a_raster_image_downloads_as_an_inert_attachment(
    settings, tmp_path, content_type
):
    settings.S3_BUCKET = ""
    settings.OBJECT_STORE_ROOT = tmp_path / "objects"
    store = LocalObjectStore()
    store.write("clinics/x/page", b"<script>alert(document.cookie)</script>", content_type)
    link = urlsplit(store.presigned_get("clinics/x/page", expires_in=60))

    response = Client().get(f"{link.path}?{link.query}")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
