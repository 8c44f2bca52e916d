"""The single environment reader shared by every settings module."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
REPO_DIR = BASE_DIR.parent

env = environ.Env()
# A local .env is optional; real deployments set the environment directly.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Embedded-profile state (SQLite file, uploads, broker queue folders) lives here.
VAR_DIR = Path(env.str("AESTHETIX_VAR_DIR", default=str(REPO_DIR / "var")))
