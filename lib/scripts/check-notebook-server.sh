#!/usr/bin/env bash
# End-to-end test of the interactive notebook server: starts Jupyter (as ./reproduce --serve does)
# on a throw-away copy of notebooks/ (autosave must never write outputs into the committed files),
# opens a notebook in headless Chromium (Debian `chromium`, driven by puppeteer-core from npm),
# runs all cells, asserts that an HTML table and an image appear and no cell errs, and saves a
# screenshot to target/browser-test/<notebook>.<kernel>.png.
#   lib/scripts/check-notebook-server.sh [NOTEBOOK.ipynb] [KERNEL]   (default 00-overview.ipynb, java)
# Installs what it needs (ck_browser in common.sh): `chromium` by apt-get when root (else prints the
# command), and puppeteer-core (version pinned in lib/scripts/browser/package.json) into target/browser-test/.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$CK_HOME"
nb=${1:-00-overview.ipynb}
kernel=${2:-java}
work=$CK_HOME/target/browser-test
py=$(ck_python) || ck_die "no python3 with Jupyter found: run ./setup"
ck_browser "$work"
rm -rf "$work/notebooks" && cp -r notebooks "$work/notebooks"
[ -f "$work/notebooks/$nb" ] || ck_die "no notebook notebooks/$nb"
# the notebook's kernel (metadata says `java`) is switched by copying with another kernelspec name
if [ "$kernel" != java ]; then
  "$py" - "$work/notebooks/$nb" "$kernel" <<'PY'
import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
nb.metadata["kernelspec"]["name"] = sys.argv[2]
nbformat.write(nb, sys.argv[1])
PY
fi
port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$("$py" -c 'import secrets; print(secrets.token_hex(16))')
extra=(); [ "$(id -u)" = 0 ] && extra=(--allow-root)
JUPYTER_PATH="$CK_JUPYTER_PATH" CATHODEKIT_HOME="$CK_HOME" CATHODEKIT_OUT="$work/figures-print" \
  "$py" -m jupyter notebook --no-browser --ip=127.0.0.1 --port="$port" --notebook-dir="$work/notebooks" \
  --NotebookApp.token="$token" --NotebookApp.open_browser=False "${extra[@]}" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/api/status?token=$token" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; ck_die "the notebook server exited"; }
  sleep 1
done
node "$work/notebook-e2e.mjs" "http://127.0.0.1:$port/notebooks/$nb?token=$token" "$work/${nb%.ipynb}.$kernel.png" "${CATHODEKIT_E2E_TIMEOUT_S:-600}"
echo "notebook server end-to-end: OK"
