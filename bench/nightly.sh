#!/usr/bin/env bash
# The nightly operation on the shared data.police.uk set (44 forces, 2019-2021, with boundaries):
# times, with /usr/bin/time (wall time, peak resident memory of the JVM), one results store through
#   1. the first run: every month but the last (35 months, all read);
#   2. the night the last month arrives: only its files are read, the rest reused from the store;
#   3. a rerun with nothing new (exit 5: nothing computed, latest unchanged);
#   4. --full: every file read again (the full run the nightly one is compared with).
# The archive is a folder of links to the shared month folders (nothing is copied). Runs one after
# another, so measure on an otherwise idle machine.
#
# Usage, from the repository root after `mvn -B -q package -DskipTests`:
#   bench/nightly.sh [REAL_DATA_DIR]
# JAVA_OPTS (for example -Xmx4g) is passed to java.
set -euo pipefail
real=$(cd "${1:-../shared/real-data}" && pwd)
jar=jobs/target/scrutineer.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$jar" "$work/scrutineer.jar"
archive="$work/archive"
mkdir -p "$archive"
months=$(find "$real/police-uk-stop-search" -mindepth 1 -maxdepth 1 -type d -name '20??-??' | sort)
last=$(echo "$months" | tail -1)
for month in $months; do
  [ "$month" = "$last" ] || ln -s "$month" "$archive/$(basename "$month")"
done
mapfile -t args < <(bench/real-data-args.sh "$real")
# The shared archive is replaced by the folder of links.
for i in "${!args[@]}"; do
  [ "${args[$i]}" = "$real/police-uk-stop-search" ] && args[$i]="$archive"
done

run() { # name, expected exit code, extra arguments...
  local name=$1 expected=$2
  shift 2
  local code=0
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M" -o "$work/time" java ${JAVA_OPTS:-} -jar "$work/scrutineer.jar" run \
    "${args[@]}" --out "$work/store" "$@" > "$work/log" 2>&1 || code=$?
  if [ "$code" != "$expected" ]; then
    tail -20 "$work/log"
    echo "$name: exit $code, expected $expected" >&2
    exit 1
  fi
  read -r wall kb < <(tail -1 "$work/time")
  local stages plan
  stages=$(sed -nE 's/^\[ *([0-9.]+)s\] (plan|records|read|count|statistics|write|manifest) .*/\2 \1/p' \
    "$work/log" | tr '\n' ' ')
  plan=$(sed -nE 's/^\[ *[0-9.]+s\] plan +(.*)/\1/p' "$work/log")
  printf "%-12s %7.1f s wall, %.2f GB peak RSS; %s\n             stage ends (s): %s\n" \
    "$name" "$wall" "$(awk -v k="$kb" 'BEGIN {print k / 1048576}')" "$plan" "$stages"
}

run first 0
ln -s "$last" "$archive/$(basename "$last")"
run new-month 0
run nothing-new 5
run full 0 --full
