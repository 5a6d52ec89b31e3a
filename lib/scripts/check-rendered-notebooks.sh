#!/usr/bin/env bash
# What a reader of the supplement sees: opens every rendered notebook page (nbconvert HTML written by
# lib/scripts/run_notebooks.py --html, as ./reproduce does; by default those of the notebook tests,
# target/notebook-tests/<kernel>/*.html, after `mvn verify`) in headless Chromium, waits for MathJax,
# and fails unless each page shows an HTML table, a figure and (analyses 01-09) typeset equations with
# no TeX left as raw text. Full-page screenshots go to target/rendered-pages/<kernel>/<notebook>.png.
#   lib/scripts/check-rendered-notebooks.sh [FOLDER_WITH_HTML...]
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$CK_HOME"
work=$CK_HOME/target/browser-test
ck_browser "$work"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(target/notebook-tests/java target/notebook-tests/rapaio-java)
for d in "${dirs[@]}"; do
  pages=()
  for f in "$d"/[0-9][0-9]-*.html; do [ -f "$f" ] && pages+=("$f"); done
  [ ${#pages[@]} -gt 0 ] || ck_die "no rendered notebook pages (NN-*.html) in $d: run mvn verify (or ./reproduce) first"
  shots=$CK_HOME/target/rendered-pages/$(basename "$d")
  mkdir -p "$shots"
  node "$work/rendered-pages.mjs" "$shots" "${pages[@]}"
done
echo "rendered notebook pages: OK"
