#!/usr/bin/env bash
# Runs the whole shared data.police.uk set (1.03 million rows, 44 forces, 2019-2021) with the
# Census 2021 TS021 denominators, the ONS LAD22-CSP22-PFA22 lookup and the year-correct LAD
# boundaries 2019-2023 (records placed in districts by coordinates), then checks the result
# (bench/ConformanceCheck.java), attacks the panel tables as an outsider would
# (PanelAttack.java: it must recover nothing and pin no small count to a narrow range) and prints
# wall time and peak memory.
# Usage: bench/real-data-conformance.sh [REAL_DATA_DIR] [OUT_DIR]   (run from the repository root,
# after the jar is built: mvn -B -q package -DskipTests)
set -euo pipefail
real=${1:-../shared/real-data}
out=${2:-$(mktemp -d)/real-data-run}
jar=jobs/target/scrutineer.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }

args=(run
  --stop-search "$real/police-uk-stop-search"
  --population "$real/census2021/census2021_TS021_ethnic_group_20cat_by_LTLA.csv"
  --population-format ons-ts021
  --area-lookup "$real/census2021/LAD22_CSP22_PFA22_lookup.csv"
  --boundaries "$real/boundaries/LAD2019_EW_BSC_wgs84.geojson"
  --boundaries "$real/boundaries/LAD2020_EW_BSC_wgs84.geojson"
  --boundaries "$real/boundaries/LAD2021_EW_BSC_wgs84.geojson"
  --boundaries "$real/boundaries/LAD2022_EW_BSC_wgs84.geojson"
  --boundaries "$real/boundaries/LAD2023_EW_BSC_wgs84.geojson"
  --district-changes "$real/boundaries/ltla_changes_2018_2025.csv"
  --out "$out")

start=$(date +%s%N)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak_rss_kb=%M" -o "$out.time" java -jar "$jar" "${args[@]}"
else
  java -jar "$jar" "${args[@]}"
fi
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf "wall_seconds=%d.%03d\n" $((ms / 1000)) $((ms % 1000))
[ -f "$out.time" ] && cat "$out.time"
java bench/ConformanceCheck.java "$out/latest" "$real"
# Fails on any exact recovery, any count from 1 to 9 pinned narrower than 10, or a false relation.
java -Xmx16g pipeline/src/test/java/org/scrutineer/pipeline/disclosure/PanelAttack.java \
  "$out/latest/panel" --truth "$out/latest" --lookup "$real/census2021/LAD22_CSP22_PFA22_lookup.csv"
# Every force's panel pack from the real-data results (each force's page, workbook and CSVs, the
# maps drawn from the 2019-2023 boundaries), and Hampshire's with one of its districts.
start=$(date +%s)
java -jar "$jar" report --results "$out" --all-forces --area E06000045 --out "$out-packs"
echo "report_seconds=$(( $(date +%s) - start ))"
packs=$(ls "$out-packs"/*.html | grep -vc index.html)
[ "$packs" -ge 45 ] || { echo "expected 44 force packs and a district pack, found $packs" >&2; exit 1; }
