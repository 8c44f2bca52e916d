"""The single environment reader shared by every settings module."""

from functools import cache
from pathlib import Path

import environ

from .keys import keys_file_load

BASE_DIR = Path(__file__).resolve().parent.parent.parent
REPO_DIR = BASE_DIR.parent

env = environ.Env()
# A local .env is optional; real deployments set the environment directly.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Embedded-profile state (SQLite file, uploads, broker queue folders) lives here.
VAR_DIR = Path(env.str("AESTHETIX_VAR_DIR", default=str(REPO_DIR / "var")))
# Keys not set in the environment come from here, made on first use (``keys.py``).
KEYS_FILE = VAR_DIR / "secrets.env"


@cache
def _keys_file() -> dict[str, str]:
    return keys_file_load(KEYS_FILE)


def secret(name: str) -> str:
    """The secret key ``name`` (one of ``keys.KEY_NAMES``): the environment's value, or
    the keys file's, which is created with fresh random keys when it does not exist."""
    return env.str(name, default="").strip() or _keys_file()[name]
