"""The licence check of bin/test, run on made-up packages: the project's allow-lists
([tool.pip-licenses] in pyproject.toml, scripts/check-licences.mjs) pass a permissive
licence and fail one that AGPL-3.0-or-later cannot be combined with, or none at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[2]
ROOT = BACKEND.parent
NPM_CHECKER = ROOT / "node_modules" / ".bin" / "license-checker-rseidelsohn"

FORBIDDEN = ["SSPL-1.0", "CC-BY-NC-4.0", "LicenseRef-Proprietary", None]


def pip_licenses(site: Path, package: str) -> subprocess.CompletedProcess[str]:
    """Run pip-licenses as bin/test does (from backend-core, so with its config) on one
    package of the made-up site-packages directory ``site``."""
    return subprocess.run(
        [sys.executable, "-m", "piplicenses", "--packages", package],
        cwd=BACKEND,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=False,
    )


def fake_distribution(site: Path, name: str, license_expression: str | None) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    lines = ["Metadata-Version: 2.4", f"Name: {name}", "Version: 1.0"]
    if license_expression:
        lines.append(f"License-Expression: {license_expression}")
    (info / "METADATA").write_text("\n".join(lines) + "\n")


def test_python_check_passes_a_permissive_licence(tmp_path):
    fake_distribution(tmp_path, "fake-permissive", "MIT")
    result = pip_licenses(tmp_path, "fake-permissive")
    assert result.returncode == 0, result.stderr
    assert "fake-permissive" in result.stdout


@pytest.mark.parametrize("licence", FORBIDDEN)
def test_python_check_fails_a_licence_agpl_cannot_take(tmp_path, licence):
    fake_distribution(tmp_path, "fake-forbidden", licence)
    result = pip_licenses(tmp_path, "fake-forbidden")
    assert result.returncode == 1
    assert "not in allow-only licenses was found for package fake-forbidden:1.0" in result.stderr


def npm_check(project: Path, licence: str | None) -> subprocess.CompletedProcess[str]:
    """Run scripts/check-licences.mjs on a made-up npm project whose one production
    dependency is under ``licence``."""
    if shutil.which("node") is None or not NPM_CHECKER.exists():
        pytest.skip("the npm licence check needs Node.js and the repository's node_modules (npm ci)")
    app = {"name": "fake-app", "version": "1.0.0", "private": True, "dependencies": {"dep": "1.0.0"}}
    (project / "package.json").write_text(json.dumps(app))
    (project / "node_modules" / "dep").mkdir(parents=True)
    manifest = {"name": "dep", "version": "1.0.0"} | ({"license": licence} if licence else {})
    (project / "node_modules" / "dep" / "package.json").write_text(json.dumps(manifest))
    return subprocess.run(
        ["node", str(ROOT / "scripts" / "check-licences.mjs"), str(project)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_npm_check_passes_a_permissive_licence(tmp_path):
    result = npm_check(tmp_path, "MIT")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("licence", FORBIDDEN)
def test_npm_check_fails_a_licence_agpl_cannot_take(tmp_path, licence):
    result = npm_check(tmp_path, licence)
    assert result.returncode == 1
    assert 'Package "dep@1.0.0" is licensed under' in result.stderr
    assert "not permitted by the --onlyAllow flag" in result.stderr
