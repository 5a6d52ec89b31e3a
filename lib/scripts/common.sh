# Shared by ./setup, ./reproduce, ./test and binder/postBuild (sourced, not executed).
# Defines: CK_HOME, CK_JUPYTER_PATH, ck_python, ck_die, ck_have_jupyter, ck_has_font, ck_browser.
CK_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# project-local Jupyter data folder holding our kernelspecs (nothing is written to ~/.jupyter or
# ~/.local unless ./setup --user is asked for)
CK_JUPYTER_PATH=${CATHODEKIT_JUPYTER_PATH:-$CK_HOME/target/jupyter}
CK_VERSION=0.1.0
CK_CLASSPATH_DIR=$CK_HOME/lib/target/kernel-classpath
CK_KERNELS_DIR=$CK_HOME/lib/target/kernels
CK_CLI_JAR=$CK_HOME/lib/target/cathodekit-$CK_VERSION-cli.jar

ck_die() { echo "error: $*" >&2; exit 1; }

# The Python that has Jupyter's execution machinery (nbclient, nbconvert, nbformat). A pyenv or venv
# python3 earlier on PATH often lacks it while Debian's /usr/bin/python3 has it.
ck_python() {
  local c
  for c in "${CATHODEKIT_PYTHON:-}" python3 /usr/bin/python3 /srv/conda/envs/notebook/bin/python; do
    [ -n "$c" ] || continue
    command -v "$c" >/dev/null 2>&1 || continue
    if "$c" -c 'import nbclient, nbconvert, nbformat, jupyter_client' >/dev/null 2>&1; then
      echo "$c"; return 0
    fi
  done
  return 1
}

# ck_has_font NAME: true when fontconfig lists a font whose description contains NAME (case-
# insensitive). The list is read completely into a variable first: `fc-list | grep -q` under
# `set -o pipefail` fails when grep exits at the first match and fc-list then dies of SIGPIPE
# (machines with many fonts), reporting installed fonts as missing.
ck_has_font() {
  local fonts
  fonts=$(fc-list 2>/dev/null) || return 1
  case "${fonts,,}" in
    *"${1,,}"*) return 0 ;;
  esac
  return 1
}

# ck_browser WORKDIR: headless Chromium and puppeteer-core for the browser checks. Installs Debian's
# `chromium` by apt-get when root (else says what to run) and puppeteer-core (version pinned in
# lib/scripts/browser/package.json) into WORKDIR/node_modules; copies the check scripts to WORKDIR.
ck_browser() {
  local work=$1
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || ck_die "node and npm are needed: apt-get install -y nodejs npm"
  if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "browser checks: installing Debian package chromium"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
    else
      ck_die "chromium is missing; run: sudo apt-get install -y chromium"
    fi
  fi
  mkdir -p "$work"
  if ! cmp -s "$CK_HOME/lib/scripts/browser/package.json" "$work/package.json" || [ ! -d "$work/node_modules/puppeteer-core" ]; then
    cp "$CK_HOME/lib/scripts/browser/package.json" "$work/package.json"
    (cd "$work" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  cp "$CK_HOME"/lib/scripts/browser/*.mjs "$work/"
}
