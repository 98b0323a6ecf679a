#!/usr/bin/env bash
# Times a run N times with /usr/bin/time (wall time and peak resident memory of the whole JVM) and
# prints each run's stage timings (the progress lines) and the medians. Runs one after another, so
# measure on an otherwise idle machine.
#
# Usage, from the repository root after `mvn -B -q package -DskipTests`:
#   bench/benchmark.sh sample [N]            the shipped sample (run --config data-samples/sample.json)
#   bench/benchmark.sh shared [N] [DIR]      the shared data.police.uk set with boundaries
#   bench/benchmark.sh force-level [N] [DIR] the same without boundaries (force level only)
# JAVA_OPTS (for example -Xmx2g) is passed to java.
set -euo pipefail
what=${1:?usage: bench/benchmark.sh sample|shared|force-level [N] [REAL_DATA_DIR]}
n=${2:-3}
real=${3:-../shared/real-data}
jar=jobs/target/scrutineer.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
case "$what" in
  sample) args=(--config data-samples/sample.json) ;;
  shared) mapfile -t args < <(bench/real-data-args.sh "$real") ;;
  force-level) mapfile -t args < <(bench/real-data-args.sh "$real" --force-level) ;;
  *) echo "unknown run $what" >&2; exit 2 ;;
esac
work=$(mktemp -d)
walls=()
rss=()
for i in $(seq 1 "$n"); do
  rm -rf "$work/out"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M" -o "$work/time" java ${JAVA_OPTS:-} -jar "$jar" run "${args[@]}" \
    --out "$work/out" > "$work/log" 2>&1 || { tail -20 "$work/log"; exit 1; }
  read -r wall kb < "$work/time"
  walls+=("$wall")
  rss+=("$kb")
  stages=$(sed -nE 's/^\[ *([0-9.]+)s\] (plan|records|read|count|statistics|write|manifest) .*/\2 \1/p' \
    "$work/log" | tr '\n' ' ')
  printf "run %d: %.1f s wall, %.2f GB peak RSS; stage ends (s): %s\n" \
    "$i" "$wall" "$(awk -v k="$kb" 'BEGIN {print k / 1048576}')" "$stages"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf "median of %d: %.1f s wall, %.2f GB peak RSS (%s)\n" "$n" "$(median "${walls[@]}")" \
  "$(awk -v k="$(median "${rss[@]}")" 'BEGIN {print k / 1048576}')" "$what"
rm -rf "$work"
