#!/usr/bin/env bash
# Tests the Binder recipe the way repo2docker (mybinder.org) uses it, then runs every notebook in it.
#
# What repo2docker does, and what this script does in its place:
#   * installs binder/apt.txt as root            -> ./test ran `./setup --deps-only` as root before
#                                                   (or you installed the packages): checked below
#   * copies the repository into the home of a   -> a shallow clone of HEAD plus the work tree's
#     non-root user (REPO_DIR = HOME = /home/jovyan)  uncommitted changes, copied to a fresh HOME owned
#                                                   by a non-root user (`ckbinder`, created with useradd
#                                                   when this runs as root; else the current user)
#   * runs binder/postBuild as that user, in the  -> the same, with a clean environment (no JUPYTER_PATH,
#     repository, with an empty ~/.m2               MAVEN_OPTS or ~/.m2 of the caller): Maven downloads
#                                                   everything from Maven Central (a cold build)
#   * starts Jupyter through binder/start         -> every notebook executed through binder/start on
#                                                   each kernel postBuild installed for the user
#                                                   (`java` = IJava, `rapaio-java`), found without
#                                                   JUPYTER_PATH; run_notebooks.py fails on any error
#                                                   output, stderr or missing figure
# Like Binder, the copy has no ../shared reference data: the notebooks' real-data parts report that
# they were skipped. Python: /usr/bin/python3 with Debian's Jupyter here (Binder: its conda env).
#
# Output: target/binder-check/ (per-kernel summary.tsv, kernel logs, timings.tsv). Prints the time of
# each phase. Options: --kernels "java rapaio-java" (default: every kernel postBuild installed),
# --notebooks "00 04" (name prefixes; default: all), --keep (leave the throw-away home for inspection).
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$CK_HOME"
kernels=""; only=""; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --kernels) kernels=$2; shift ;;
    --notebooks) only=$2; shift ;;
    --keep) keep=1 ;;
    *) ck_die "check-binder: unknown option $1" ;;
  esac
  shift
done

binder_user=${CATHODEKIT_BINDER_USER:-ckbinder}
marker=.cathodekit-binder-home   # only a home holding this file is ever wiped
results=$CK_HOME/target/binder-check
rm -rf "$results"; mkdir -p "$results"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ck-binder.XXXXXX")
user_env=()
if [ "$(id -u)" = 0 ]; then
  if ! id -u "$binder_user" >/dev/null 2>&1; then
    # Binder's user is uid 1000 `jovyan` with HOME = REPO_DIR = /home/jovyan
    useradd --no-create-home --home-dir "/home/$binder_user" --shell /bin/bash --user-group "$binder_user"
    echo "binder: created user $binder_user"
  fi
  [ "$(id -u "$binder_user")" != 0 ] || ck_die "binder: user $binder_user is root"
  # the passwd home, not only $HOME: Java (Maven) takes user.home from it
  home=$(getent passwd "$binder_user" | cut -d: -f6)
  case "$home" in /|"") ck_die "binder: user $binder_user has home '$home'" ;; esac
  if [ -e "$home" ]; then
    [ -e "$home/$marker" ] || ck_die "binder: $home exists and is not a check-binder home; choose another CATHODEKIT_BINDER_USER"
    rm -rf "$home"
  fi
else
  binder_user=$(id -un)   # already not root: run as ourselves with a fresh HOME
  home=$tmp/jovyan
  user_env+=(MAVEN_OPTS="-Duser.home=$home")   # Java reads user.home from passwd, not from $HOME
fi
[ ! -e "$home/../shared" ] || ck_die "binder: $home/../shared exists: the notebooks would find reference data Binder has not"
cleanup() {
  if [ "$keep" = 1 ]; then echo "binder: kept $home"; else rm -rf "$tmp"; [ "$(id -u)" = 0 ] && rm -rf "$home"; fi
  return 0
}
trap cleanup EXIT

# --- the repository as repo2docker copies it: the committed tree (with .git, for the provenance
# commit) plus uncommitted edits and new files of this work tree; no build output, no ~/.m2
t0=$(date +%s)
git clone --quiet --depth 1 "file://$CK_HOME" "$tmp/repo"
mkdir -p "$home"; touch "$home/$marker"   # marked first: a failed run's home can be wiped by the next
cp -a "$tmp/repo/." "$home/"; rm -rf "$tmp/repo"
git -C "$CK_HOME" ls-files -z --modified --others --exclude-standard \
  | while IFS= read -r -d '' f; do
      if [ -e "$f" ]; then mkdir -p "$home/$(dirname "$f")"; cp -p "$f" "$home/$f"; else rm -f "$home/$f"; fi
    done
[ ! -e "$home/target" ] && [ ! -e "$home/lib/target" ] || ck_die "binder: build output leaked into the copy"
if [ "$(id -u)" = 0 ]; then chown -R "$binder_user:" "$home"; fi

# --- as the binder user, with the environment a fresh Binder session has (nothing of ours)
user_env+=(HOME="$home" USER="$binder_user" LOGNAME="$binder_user" SHELL=/bin/bash LANG=C.UTF-8
          PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
  [ -n "${!v:-}" ] && user_env+=("$v=${!v}")
done
as_user() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$home" && runuser -u "$binder_user" -- env -i "${user_env[@]}" "$@")
  else
    (cd "$home" && env -i "${user_env[@]}" "$@")
  fi
}
as_user test -z "$(ls -A "$home/.m2" 2>/dev/null)" || ck_die "binder: $home/.m2 is not empty"
as_user sh -c 'command -v java && command -v mvn' >/dev/null \
  || ck_die "binder: java, mvn or jupyter not on the binder user's PATH (install binder/apt.txt and Jupyter; ./setup --deps-only)"

t1=$(date +%s)
echo "binder: postBuild as $binder_user (uid $(id -u "$binder_user")) in $home, empty ~/.m2"
if ! as_user ./binder/postBuild > "$results/postBuild.log" 2>&1; then   # as repo2docker runs it
  tail -40 "$results/postBuild.log" >&2
  ck_die "binder: postBuild failed (log: $results/postBuild.log)"
fi
t2=$(date +%s)
downloaded=$(as_user find "$home/.m2/repository" -name '*.jar' | wc -l)
m2_mb=$(as_user du -sm "$home/.m2/repository" | cut -f1)
echo "binder: postBuild took $((t2 - t1)) s (cold ~/.m2: $downloaded jars, $m2_mb MB from Maven Central)"

# --- the kernels postBuild installed for the user, found without JUPYTER_PATH
py=$(as_user bash -c '. lib/scripts/common.sh && ck_python') || ck_die "binder: no python with nbclient for $binder_user"
specs=$(as_user "$py" -m jupyter_client.kernelspecapp list --json 2>/dev/null)
installed=$(echo "$specs" | "$py" -c '
import json, sys
home = sys.argv[1]
for name, s in sorted(json.load(sys.stdin)["kernelspecs"].items()):
    if s["resource_dir"].startswith(home + "/.local/share/jupyter/kernels/"):
        print(name)' "$home")
echo "binder: user kernelspecs: $(echo $installed)"
for k in java rapaio-java; do
  echo "$installed" | grep -qx "$k" || ck_die "binder: postBuild did not install kernelspec '$k' for the user"
done
[ -n "$kernels" ] || kernels=$installed

# --- every notebook, on each kernel, through binder/start (the repo2docker start hook)
if [ -n "$only" ]; then
  notebooks=$(cd "$home" && for p in $only; do
    ls notebooks/"$p"*.ipynb 2>/dev/null || { echo "error: binder: no notebook notebooks/$p*.ipynb" >&2; exit 1; }
  done)
else
  notebooks=$(cd "$home" && ls notebooks/*.ipynb)
fi
count=$(echo "$notebooks" | wc -l)
printf 'phase\tseconds\n' > "$results/timings.tsv"
printf 'copy\t%s\npostBuild\t%s\n' "$((t1 - t0))" "$((t2 - t1))" >> "$results/timings.tsv"
failed=0
for k in $kernels; do
  tk=$(date +%s)
  echo "binder: running $count notebooks on kernel $k"
  # shellcheck disable=SC2086
  if ! as_user binder/start "$py" lib/scripts/run_notebooks.py --kernel "$k" --out "$home/binder-run/$k" \
      $notebooks > "$results/notebooks.$k.log" 2>&1; then
    failed=1
  fi
  sed -n '/^\[/p;/^    /p' "$results/notebooks.$k.log"
  cp -r "$home/binder-run/$k" "$results/$k" 2>/dev/null || true
  ok=$(awk -F'\t' 'NR > 1 && $3 == "ok"' "$results/$k/summary.tsv" 2>/dev/null | wc -l)
  [ "$ok" = "$count" ] || { failed=1; echo "binder: $ok of $count notebooks passed on $k" >&2; }
  printf 'notebooks on %s\t%s\n' "$k" "$(($(date +%s) - tk))" >> "$results/timings.tsv"
done
if [ "$(id -u)" = 0 ]; then chown -R "$(id -u):$(id -g)" "$results"; fi
total=$(($(date +%s) - t0))
printf 'total\t%s\n' "$total" >> "$results/timings.tsv"
awk -F'\t' '{ printf "  %-24s %s\n", $1, $2 }' "$results/timings.tsv"
[ "$failed" = 0 ] || ck_die "binder: notebooks failed in the Binder setup (logs: $results)"
echo "binder recipe: OK (postBuild as $binder_user with a cold ~/.m2, $count notebooks on: $(echo $kernels); $total s)"
