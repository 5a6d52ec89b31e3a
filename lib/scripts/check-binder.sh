#!/usr/bin/env bash
# Tests the Binder recipe: runs binder/postBuild with a throw-away HOME (so nothing touches the real
# user config), checks the user kernelspec is found without JUPYTER_PATH, and executes the overview
# notebook through binder/start on that user-installed kernel.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$CK_HOME"
tmp_home=$(mktemp -d)
trap 'rm -rf "$tmp_home"' EXIT
py=$(ck_python)
real_m2=${HOME}/.m2/repository
env -u JUPYTER_PATH HOME="$tmp_home" MAVEN_OPTS="-Dmaven.repo.local=$real_m2 ${MAVEN_OPTS:-}" \
  JUPYTER_DATA_DIR="$tmp_home/.local/share/jupyter" bash binder/postBuild
specs=$(env -u JUPYTER_PATH HOME="$tmp_home" "$py" -m jupyter_client.kernelspecapp list)
echo "$specs"
case "$specs" in *"$tmp_home/.local/share/jupyter/kernels/java"*) ;; *) ck_die "binder: user kernelspec 'java' not found" ;; esac
env -u JUPYTER_PATH HOME="$tmp_home" binder/start "$py" lib/scripts/run_notebooks.py --kernel java notebooks/00-overview.ipynb 2>/dev/null
echo "binder recipe: OK"
