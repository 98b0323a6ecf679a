#!/usr/bin/env bash
# The national-decade benchmark: generates a synthetic national decade (`generate --national`: the
# 43 territorial forces and British Transport Police, ten financial years 2013-14 to 2022-23, all
# four powers, about 23.6 million records, 4 GB of CSV) once, then runs it with the driver held to
# -Xmx2g and prints wall time, peak resident memory, the stage timings and the run's counts.
#
# Usage, from the repository root after `mvn -B -q package -DskipTests`:
#   bench/national-decade.sh [DIR] [-- extra run options]
# DIR (default /tmp/scrutineer-national) keeps the generated input between runs; delete it to
# regenerate. NATIONAL_FROM / NATIONAL_TO (yyyy-MM) shorten the decade, for example to one year.
# JAVA_OPTS (default -Xmx2g) is passed to the run's java. Measure on an otherwise idle machine.
set -euo pipefail
dir=${1:-/tmp/scrutineer-national}
shift || true
[ "${1:-}" = "--" ] && shift
jar=jobs/target/scrutineer.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
from=${NATIONAL_FROM:-2013-04}
to=${NATIONAL_TO:-2023-03}
input="$dir/input-$from-$to"
if [ ! -f "$input/national.json" ]; then
  rm -rf "$input"
  echo "generating the national input ($from to $to) into $input"
  /usr/bin/time -f "generate: %e s wall, %M KB peak RSS" \
    java -Xmx6g -jar "$jar" generate --national --from "$from" --to "$to" --out "$input"
fi
echo "input: $(du -sh "$input" | cut -f1) in $(find "$input" -name '*.csv' | wc -l) CSV files"
out="$dir/out"
rm -rf "$out"
# shellcheck disable=SC2086
/usr/bin/time -v -o "$dir/time" java ${JAVA_OPTS:--Xmx2g} -jar "$jar" run \
  --config "$input/national.json" --out "$out" "$@" > "$dir/log" 2>&1 \
  || { tail -30 "$dir/log"; exit 1; }
grep -E '^\[ *[0-9.]+s\]|^Done' "$dir/log"
wall=$(sed -nE 's/.*Elapsed \(wall clock\) time.*: (.*)/\1/p' "$dir/time")
kb=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$dir/time")
printf "national %s to %s: %s wall, %.2f GB peak RSS (JAVA_OPTS %s); outputs %s\n" \
  "$from" "$to" "$wall" "$(awk -v k="$kb" 'BEGIN {print k / 1048576}')" "${JAVA_OPTS:--Xmx2g}" \
  "$(du -sh "$out" | cut -f1)"
