#!/usr/bin/env bash
# Two denominator sources on real data: the shared police.uk set (force level, no boundaries) with
# Census 2011 (QS201EW summed to police force areas, the Home Office's denominator until 2021/22)
# and Census 2021 TS021 from April 2021. Checks that each financial year takes the right census and
# that 2021-22 carries series_break = denominator_source, and prints how the switch moves each
# force's Black/White ratio (bench/ConformanceCheck.java vintages).
# Usage: bench/real-data-vintages.sh [REAL_DATA_DIR] [OUT_DIR]   (after mvn -B -q package -DskipTests)
set -euo pipefail
real=${1:-../shared/real-data}
out=${2:-$(mktemp -d)/real-data-vintages}
jar=jobs/target/scrutineer.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
mkdir -p "$out"
java bench/ConformanceCheck.java census2011 "$real" "$out/census2011-pfa.csv"
start=$(date +%s)
java -jar "$jar" run \
  --stop-search "$real/police-uk-stop-search" \
  --population "$out/census2011-pfa.csv" \
  --population "$real/census2021/census2021_TS021_ethnic_group_20cat_by_LTLA.csv@2021-04" \
  --area-lookup "$real/census2021/LAD22_CSP22_PFA22_lookup.csv" \
  --out "$out/run"
echo "wall_seconds=$(( $(date +%s) - start ))"
java bench/ConformanceCheck.java vintages "$out/run/latest"
