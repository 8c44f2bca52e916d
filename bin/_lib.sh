# Shared by bin/run and bin/test: find Python 3.11 and install the locked dependencies
# into one virtualenv (.venv at the repository root, or $AESTHETIX_VENV).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${AESTHETIX_VENV:-$ROOT/.venv}"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

python311() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      command -v "$candidate"; return 0
    fi
  done
  echo "Python 3.11 is required (apt-get install python3.11 python3.11-venv)" >&2
  return 1
}

# ensure_venv runtime|dev: create the virtualenv if needed and install the lock file.
ensure_venv() {
  local lock="$ROOT/backend-core/requirements.lock"
  [ "${1:-runtime}" = dev ] && lock="$ROOT/backend-core/requirements-dev.lock"
  if [ ! -x "$VENV/bin/python" ]; then
    log "Creating virtualenv $VENV"
    "$(python311)" -m venv "$VENV"
  fi
  if [ ! -x "$VENV/bin/uv" ]; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "uv==0.13.8"
  fi
  log "Installing Python dependencies ($(basename "$lock"))"
  "$VENV/bin/uv" pip install --quiet --python "$VENV/bin/python" -r "$lock"
}

# ensure_frontend: install the locked npm packages (Node.js 20.19+) and build the host
# shell and its remotes into dist/, which Django serves as static files.
ensure_frontend() {
  if ! command -v node >/dev/null || ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    echo "Node.js 20.19 or newer (with npm) is required for the front end" >&2
    return 1
  fi
  log "Installing front-end dependencies (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  log "Building the front end"
  (cd "$ROOT" && npm run build --silent >/dev/null)
}

# Invoice PDFs are rendered by WeasyPrint, which needs Pango and fonts with the glyphs of
# every clinic language: DejaVu covers Latin and Arabic, Thai needs its own (without it a
# Thai invoice or consent form prints empty boxes).
ensure_pango() {
  local packages=()
  ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || packages+=(libpango-1.0-0 libpangoft2-1.0-0)
  [ -n "$(fc-list :lang=th 2>/dev/null)" ] || packages+=(fonts-thai-tlwg)
  if [ ${#packages[@]} -gt 0 ]; then
    log "Installing ${packages[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

# The backend's translations (backend-core/locale/*/LC_MESSAGES/django.po) compiled to
# .mo files, which gettext reads at run time; they are build output, not in git.
ensure_translations() {
  if ! command -v msgfmt >/dev/null; then
    log "Installing gettext"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
  fi
  log "Compiling the translations"
  (cd "$ROOT/backend-core" && "$VENV/bin/python" manage.py compilemessages --verbosity 0)
}
