"""The built front end (host shell and remotes), served as static files by WhiteNoise.

``npm run build`` writes each app to ``<repo>/dist/<app>/`` with the public path
``/static/<app>/``; ``collectstatic`` copies them into ``STATIC_ROOT`` (``dist`` is in
``STATICFILES_DIRS``), and ``core.frontend.spa_index`` answers every page address with the
host's ``index.html``.
"""

import re

FRONTEND_APPS = ["host", "scheduling", "emr", "pos"]

# The apps reference their files by the names Vite gave them, so the unhashed copies must
# stay next to WhiteNoise's hashed ones.
WHITENOISE_KEEP_ONLY_HASHED_FILES = False

# Cached for a year: WhiteNoise's content-hashed copies, and Vite's hashed chunks
# (``assets/<name>-<8 characters>.<ext>``). Everything else (each remote's remoteEntry.js,
# whose name never changes, index.html) gets WhiteNoise's short max-age so a deploy shows.
_IMMUTABLE = re.compile(r"(\.[0-9a-f]{12}\.\w+|/assets/[^/]+-[\w-]{8}\.\w+)$")


def immutable_static_file(path: str, url: str) -> bool:
    """WhiteNoise's ``immutable_file_test``: whether ``url`` may be cached forever."""
    return bool(_IMMUTABLE.search(url))


WHITENOISE_IMMUTABLE_FILE_TEST = immutable_static_file
