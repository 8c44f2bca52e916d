"""Keeps bench/frontend_weight.py from rotting: its helpers, and one run against the built
front end (about 10 seconds).

    python -m pytest bench/test_frontend_weight_smoke.py -p no:cacheprovider

The run needs ``dist/`` (``npm run build``) and Chromium; without them it skips, unless
``AESTHETIX_REQUIRE_BROWSER=1`` (set by ``bin/test``) turns that into a failure.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import frontend_weight as bench

SCRIPT = Path(__file__).resolve().parent / "frontend_weight.py"
SUMMARY = re.compile(
    r"^frontend login: JS=(?P<js>[\d.]+)KB CSS=(?P<css>[\d.]+)KB gzipped requests=(?P<requests>\d+) "
    r"target=100KB ratio=(?P<ratio>[\d.]+) duplicates=(?P<duplicates>\d+)$"
)


def test_a_body_the_server_did_not_compress_is_gzipped_at_level_9() -> None:
    body = b"export const a = 1;\n" * 200
    assert bench.gzipped_size(body, {}, 0) == len(gzip.compress(body, compresslevel=9, mtime=0))
    assert bench.gzipped_size(body, {"content-encoding": "gzip"}, 123) == 123


def test_each_library_is_found_by_its_own_code_only() -> None:
    assert bench.libraries_in(b'const F=Symbol.for("v-fgt"),S=Symbol.for("v-stc")') == ["vue"]
    assert bench.libraries_in(b'Symbol.for("v-fgt")') == []  # half of Vue's markers: not Vue
    assert bench.libraries_in(b"import{ref}from'./vue.js';ref(1)") == []


def test_a_library_in_two_files_is_a_duplicate_and_a_repeated_helper_is_not() -> None:
    def asset(url: str, libraries: list[str], sha: str) -> bench.Asset:
        return bench.Asset(url=url, kind="js", raw=10, gzipped=5, sha256=sha, libraries=libraries)

    assets = [
        asset("/static/host/assets/vue.js", ["vue", "pinia"], "a"),
        asset("/static/pos/assets/vue.js", ["vue"], "b"),
        asset("/static/emr/assets/helper.js", [], "c"),
        asset("/static/pos/assets/helper.js", [], "c"),
    ]
    assert bench.duplicates(assets) == {"vue": ["/static/host/assets/vue.js", "/static/pos/assets/vue.js"]}
    assert [[a.url for a in group] for group in bench.identical(assets)] == [
        ["/static/emr/assets/helper.js", "/static/pos/assets/helper.js"]
    ]


def test_the_static_server_lays_dist_out_as_django_does(tmp_path: Path) -> None:
    (tmp_path / "host" / "assets").mkdir(parents=True)
    (tmp_path / "host" / "index.html").write_text("<html>shell</html>")
    (tmp_path / "host" / "assets" / "a.js").write_text("export{}")
    (tmp_path / "secret.txt").write_text("not served")
    with bench.dist_server(tmp_path) as base:
        with urllib.request.urlopen(f"{base}/static/host/assets/a.js") as answer:  # noqa: S310 - 127.0.0.1
            assert answer.read() == b"export{}"
        with urllib.request.urlopen(f"{base}/login") as answer:  # noqa: S310
            assert answer.read() == b"<html>shell</html>"
        with urllib.request.urlopen(f"{base}/static/host/../secret.txt") as answer:  # noqa: S310
            assert answer.read() == b"<html>shell</html>"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/api/v1/users/me")  # noqa: S310
        assert refused.value.code == 401


def test_the_login_page_is_measured_and_no_shared_library_arrives_twice() -> None:
    if not (bench.DIST / "host" / "index.html").exists() or not bench.CHROMIUM.exists():
        reason = "needs the built front end (npm run build) and /usr/bin/chromium"
        if os.environ.get("AESTHETIX_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "error:" not in done.stderr, done.stderr
    summary = [m for line in done.stdout.splitlines() if (m := SUMMARY.match(line))]
    assert len(summary) == 1, done.stdout
    assert float(summary[0]["js"]) > 0
    assert int(summary[0]["requests"]) > 0
    # Each remote takes vue, vue-router, pinia, vue-i18n, the ui-kit and the api-client
    # from the host: a second copy would be a second Vue, a second set of stores.
    assert summary[0]["duplicates"] == "0", done.stdout
    assert "frontend remotes: JS=" in done.stdout
