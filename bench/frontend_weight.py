"""What the browser downloads to show the login page, and whether any shared library
arrives twice.

Chromium (headless, /usr/bin/chromium) opens ``/login`` of the built front end
(``npm run build`` writes ``dist/``) and waits until the page is idle (no request for
500 ms and the password field shown). Every JavaScript and CSS response it fetched counts:
its gzipped size is what the server sent when it compressed the body, otherwise the body
gzipped at level 9 (what a compressing proxy in front of the static files would send).
The target is at most 100 KB of gzipped JavaScript before the login page shows (issue 18).

Then, in the same page, the host loads each remote's exposed module through its
federation chunk, as ``RemotePage`` does when its route opens after sign-in (without a
session: mounting is left out, so what a screen fetches on its own later is too). Every
script fetched in both steps is searched for the code of each shared library (a string
only that library's source holds); a library found in two or more responses is a second
copy. The same body fetched under several addresses (each app's own copy of the
federation runtime and of the bundler's helpers) is listed on its own. The federation
share scope says, per library, which app registered it and which apps use it.

    python bench/frontend_weight.py                      # serves dist/ itself
    python bench/frontend_weight.py --locale ar          # the login page in Arabic
    python bench/frontend_weight.py --url http://127.0.0.1:8000   # a running server

Without ``--url`` it serves ``dist/`` on 127.0.0.1 with a small static server laid out
as Django serves it (``/static/<app>/…``; any other path is the host's ``index.html``;
``/api/…`` answers 401, a visitor without a session). Only 127.0.0.1 is accepted. The last
line is the figure to report:

    frontend login: JS=…KB CSS=…KB gzipped requests=… target=100KB ratio=… duplicates=…

The exit status is 1 when the JavaScript is over the target or a library arrived twice.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
DIST = REPO / "dist"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TARGET_KB = 100.0
APPS = ("host", "scheduling", "emr", "pos")
#: Each remote's exposed module, as the host's RemotePage loads it.
REMOTE_MODULES = ("scheduling/CalendarModule", "emr/PatientModule", "pos/BillingModule")
LOCALES = ("en", "pt-BR", "th", "ar")
LOCALE_KEY = "aesthetix.locale"  # frontend-host/src/i18n.ts

#: A string found only in each shared library's own code (its production build): Vue's
#: Fragment and Static symbols, RouterLink's default class, a store's ``$onAction``, the
#: ``<i18n-t>`` component, the api-client's refresh path, the ui-kit toast's colours.
LIBRARY_MARKERS = {
    "vue": ("v-fgt", "v-stc"),
    "vue-router": ("router-link-active",),
    "pinia": ("$onAction",),
    "vue-i18n": ("i18n-t",),
    "@aesthetix/api-client": ("/api/v1/auth/token/refresh",),
    "@aesthetix/ui-kit": ("bg-emerald-50 text-emerald-900 ring-emerald-200",),
}
IDLE_MS = 500


@dataclass
class Asset:
    url: str
    kind: str  # "js" or "css"
    raw: int
    gzipped: int
    sha256: str
    libraries: list[str] = field(default_factory=list)


@dataclass
class Step:
    name: str
    assets: list[Asset] = field(default_factory=list)
    requests: int = 0

    def total(self, kind: str) -> int:
        return sum(a.gzipped for a in self.assets if a.kind == kind)


def kb(size: int) -> float:
    return size / 1024


def gzipped_size(body: bytes, headers: dict[str, str], encoded_size: int) -> int:
    """The size on the wire when the server compressed the body, else its gzip at level 9."""
    if headers.get("content-encoding", "identity") not in ("", "identity") and encoded_size > 0:
        return encoded_size
    return len(gzip.compress(body, compresslevel=9, mtime=0))


def libraries_in(body: bytes) -> list[str]:
    text = body.decode("utf-8", errors="replace")
    return [name for name, markers in LIBRARY_MARKERS.items() if all(m in text for m in markers)]


def asset_kind(url: str, content_type: str) -> str | None:
    path = urlsplit(url).path
    if path.endswith((".js", ".mjs")) or "javascript" in content_type:
        return "js"
    if path.endswith(".css") or "text/css" in content_type:
        return "css"
    return None


def duplicates(assets: list[Asset]) -> dict[str, list[str]]:
    """Shared library → the addresses it came from, where more than one."""
    found: dict[str, list[str]] = {}
    for asset in assets:
        for library in asset.libraries:
            found.setdefault(library, []).append(asset.url)
    return {name: urls for name, urls in found.items() if len(urls) > 1}


def identical(assets: list[Asset]) -> list[list[Asset]]:
    """Files fetched under more than one address with the same body (each app's build
    helpers and federation runtime): reported, not counted as a shared library."""
    by_hash: dict[str, list[Asset]] = {}
    for asset in assets:
        by_hash.setdefault(asset.sha256, []).append(asset)
    return [group for group in by_hash.values() if len(group) > 1]


class _DistHandler(SimpleHTTPRequestHandler):
    """``/static/<app>/…`` from ``dist/<app>``; ``/api/…`` 401; anything else the host's
    index.html (the history-mode routes). No compression, no caching."""

    dist: Path = DIST

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        parts = urlsplit(path).path.split("/")
        if len(parts) > 3 and parts[1] == "static" and parts[2] in APPS:
            app = (self.dist / parts[2]).resolve()
            target = app.joinpath(*parts[3:]).resolve()
            if app in target.parents:
                return str(target)
        return str(self.dist / "host" / "index.html")

    def do_GET(self) -> None:
        if urlsplit(self.path).path.startswith("/api/"):
            self._unauthorized()
            return
        super().do_GET()

    def do_POST(self) -> None:
        self._unauthorized()

    def _unauthorized(self) -> None:
        body = json.dumps({"type": "about:blank", "title": "Not signed in", "status": 401}).encode()
        self.send_response(HTTPStatus.UNAUTHORIZED)
        self.send_header("Content-Type", "application/problem+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextmanager
def dist_server(dist: Path) -> Iterator[str]:
    handler = type("Handler", (_DistHandler,), {"dist": dist})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


SHARE_SCOPE_JS = """() => {
  const scopes = globalThis.__FEDERATION__?.__SHARE__ ?? {}
  const rows = []
  for (const [owner, byScope] of Object.entries(scopes))
    for (const [scope, byName] of Object.entries(byScope))
      for (const [name, byVersion] of Object.entries(byName))
        for (const [version, s] of Object.entries(byVersion))
          rows.push({ owner, scope, name, version, from: s.from, useIn: s.useIn ?? [] })
  return rows
}"""

# Imports the host's federation chunk (what RemotePage imports when a remote's route
# opens: it starts the federation runtime) and loads each remote module through it.
LOAD_REMOTES_JS = """async ([url, modules]) => {
  const failed = []
  try {
    const { remoteLoad } = await import(url)
    for (const id of modules) {
      try { await remoteLoad(id) } catch (e) { failed.push(`${id}: ${e}`) }
    }
  } catch (e) { failed.push(`${url}: ${e}`) }
  return failed
}"""


def federation_chunk(dist: Path) -> str:
    """Address of the host's federation chunk (src/federation.ts, ``federation-<hash>.js``)."""
    chunks = sorted((dist / "host" / "assets").glob("federation-*.js"))
    if len(chunks) != 1:
        raise SystemExit(f"the host's federation chunk is not in {dist}/host/assets: {chunks}")
    return f"/static/host/assets/{chunks[0].name}"


Measured = tuple[list[Step], list[dict[str, Any]], list[str]]


def measure(base: str, *, locale: str, federation: str | None) -> Measured:
    """Opens /login (then loads the remotes) and returns the steps' assets, the share
    scope, and what failed on the page."""
    from playwright.sync_api import Response, sync_playwright

    steps = [Step("login")]
    errors: list[str] = []
    pending: list[tuple[Step, Response]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1440, "height": 900}, service_workers="block")
            context.add_init_script(f"localStorage.setItem({json.dumps(LOCALE_KEY)}, {json.dumps(locale)})")
            page = context.new_page()
            page.on("response", lambda r: pending.append((steps[-1], r)))
            page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
            page.goto(f"{base}/login", wait_until="networkidle")
            page.locator("input[type=password]").wait_for(state="visible", timeout=30_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(IDLE_MS)
            if federation:
                steps.append(Step("remotes"))
                errors += page.evaluate(LOAD_REMOTES_JS, [federation, list(REMOTE_MODULES)])
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(IDLE_MS)
            share_scope = page.evaluate(SHARE_SCOPE_JS)
            for step, response in pending:
                step.requests += 1
                content_type = response.headers.get("content-type", "")
                kind = asset_kind(response.url, content_type)
                if kind is None or response.status >= 400:
                    if response.status >= 400 and "/api/" not in response.url:
                        errors.append(f"{response.status} {response.url}")
                    continue
                body = response.body()
                sizes = response.request.sizes()
                step.assets.append(
                    Asset(
                        url=urlsplit(response.url).path,
                        kind=kind,
                        raw=len(body),
                        gzipped=gzipped_size(body, response.headers, sizes.get("responseBodySize", 0)),
                        sha256=hashlib.sha256(body).hexdigest(),
                        libraries=libraries_in(body) if kind == "js" else [],
                    )
                )
        finally:
            browser.close()
    return steps, share_scope, errors


def print_files(steps: list[Step], verbose: bool) -> None:
    for step in steps:
        print(f"\n{step.name}: {step.requests} requests, {len(step.assets)} JS/CSS files")
        if verbose:
            for asset in sorted(step.assets, key=lambda a: -a.gzipped):
                libs = f"  [{', '.join(asset.libraries)}]" if asset.libraries else ""
                print(f"  {kb(asset.gzipped):7.1f} KB gz {kb(asset.raw):7.1f} KB  {asset.url}{libs}")
        print(f"  JS {kb(step.total('js')):.1f} KB gzipped, CSS {kb(step.total('css')):.1f} KB gzipped")


def print_copies(everything: list[Asset], copies: list[list[Asset]]) -> None:
    print("\nshared libraries by copies fetched (all steps):")
    for library in LIBRARY_MARKERS:
        urls = [a.url for a in everything if library in a.libraries]
        print(f"  {library}: {len(urls)} {'DUPLICATE ' if len(urls) > 1 else ''}{' '.join(urls)}")
    if copies:
        print("\nthe same file under several addresses (not a shared library):")
    for group in copies:
        extra = kb(sum(a.gzipped for a in group[1:]))
        urls = " ".join(a.url for a in group)
        print(f"  {len(group)}x {kb(group[0].gzipped):.1f} KB gz ({extra:.1f} KB gz more): {urls}")


def print_share_scope(share_scope: list[dict[str, Any]]) -> None:
    if not share_scope:
        return
    print("\nfederation share scope (library version: registered by, used in):")
    by_name: dict[str, list[dict[str, Any]]] = {}
    for row in share_scope:
        by_name.setdefault(f"{row['name']} {row['version']}", []).append(row)
    for name, rows in sorted(by_name.items()):
        users = sorted({u for r in rows for u in r["useIn"]})
        print(f"  {name}: from {', '.join(sorted({r['from'] for r in rows}))}, used in {users or '-'}")


def report(
    steps: list[Step], share_scope: list[dict[str, Any]], target_kb: float, *, verbose: bool
) -> tuple[float, int]:
    """Prints the tables; returns the login page's JS in KB and the number of duplicates."""
    everything = [a for step in steps for a in step.assets]
    dups = duplicates(everything)
    copies = identical(everything)
    print_files(steps, verbose)
    print_copies(everything, copies)
    print_share_scope(share_scope)
    after = [a for step in steps[1:] for a in step.assets]
    if after:
        js_after = kb(sum(a.gzipped for a in after if a.kind == "js"))
        requests_after = sum(step.requests for step in steps[1:])
        print(
            f"\nfrontend remotes: JS={js_after:.1f}KB gzipped requests={requests_after} "
            f"same-file copies={sum(len(g) - 1 for g in copies)}"
        )
    login = steps[0]
    js_kb = kb(login.total("js"))
    ratio = js_kb / target_kb
    print(
        f"frontend login: JS={js_kb:.1f}KB CSS={kb(login.total('css')):.1f}KB gzipped "
        f"requests={login.requests} target={target_kb:g}KB ratio={ratio:.2f} duplicates={len(dups)}"
    )
    return js_kb, len(dups)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="a running server (127.0.0.1) instead of serving dist/")
    parser.add_argument("--dist", type=Path, default=DIST, help="the built front end (default: dist/)")
    parser.add_argument("--locale", choices=LOCALES, default="en", help="the language saved in the browser")
    parser.add_argument("--no-remotes", action="store_true", help="only the login page")
    parser.add_argument("--target-kb", type=float, default=TARGET_KB)
    parser.add_argument("-q", "--quiet", action="store_true", help="no per-file lines")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        parser.error(f"{CHROMIUM} is missing")
    if args.url:
        if urlsplit(args.url).hostname != "127.0.0.1":
            parser.error("only a server on 127.0.0.1 is measured")
        server: Any = _given(args.url.rstrip("/"))
    else:
        if not (args.dist / "host" / "index.html").exists():
            parser.error(f"{args.dist}/host/index.html is missing: run `npm run build` first")
        server = dist_server(args.dist)
    with server as base:
        federation = None if args.no_remotes else federation_chunk(args.dist)
        steps, share_scope, errors = measure(base, locale=args.locale, federation=federation)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    js_kb, dups = report(steps, share_scope, args.target_kb, verbose=not args.quiet)
    return 0 if js_kb <= args.target_kb and dups == 0 and not errors else 1


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


if __name__ == "__main__":
    sys.exit(main())
