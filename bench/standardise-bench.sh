#!/usr/bin/env bash
# Times reading + standardising the shared police.uk set with whole-stage code generation on and
# off (four passes each, the first cold). Usage, from the repository root after
# mvn -B -q package -DskipTests: bench/standardise-bench.sh [REAL_DATA_DIR]
set -euo pipefail
real=${1:-../shared/real-data}
opens=$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' pom.xml)
for ws in true false; do
  # shellcheck disable=SC2086
  java $opens -cp jobs/target/scrutineer.jar bench/StandardiseBench.java "$real" "$ws" 2>/dev/null
done
