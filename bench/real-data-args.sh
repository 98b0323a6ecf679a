#!/usr/bin/env bash
# Prints the run arguments of the shared data.police.uk set (1.03 million rows, 44 forces,
# 2019-2021) with the Census 2021 TS021 denominators, the ONS lookup and the year-correct LAD
# boundaries 2019-2023, one per line, for scripts: mapfile -t args < <(bench/real-data-args.sh DIR)
real=${1:-../shared/real-data}
printf '%s\n' --stop-search "$real/police-uk-stop-search" \
  --population "$real/census2021/census2021_TS021_ethnic_group_20cat_by_LTLA.csv" \
  --population-format ons-ts021 \
  --area-lookup "$real/census2021/LAD22_CSP22_PFA22_lookup.csv"
if [ "${2:-}" != "--force-level" ]; then
  for year in 2019 2020 2021 2022 2023; do
    printf '%s\n' --boundaries "$real/boundaries/LAD${year}_EW_BSC_wgs84.geojson"
  done
  printf '%s\n' --district-changes "$real/boundaries/ltla_changes_2018_2025.csv"
fi
