#!/usr/bin/env bash
# Runs the spark-submit jar the way spark-submit does, without a Spark installation: Spark's own
# launcher (org.apache.spark.deploy.SparkSubmit) on a classpath of Spark and its dependencies only,
# so any class the thin jar forgot to carry fails the run. Usage, from the repository root after
# mvn package: bench/spark-submit-smoke.sh [OUT_DIR]
set -euo pipefail
out=${1:-$(mktemp -d)/spark-submit-run}
cp=$(mktemp)
# The pipeline module depends on nothing in the reactor and has Spark (and Jackson) as provided:
# its classpath without its own libraries and test tools is what a cluster supplies.
ours=commons-statistics-distribution,commons-rng-client-api,commons-rng-sampling,commons-numbers-core
ours=$ours,commons-numbers-combinatorics,commons-numbers-gamma,commons-numbers-fraction
ours=$ours,commons-numbers-rootfinder,junit-jupiter,junit-jupiter-api,junit-jupiter-params
ours=$ours,junit-jupiter-engine,junit-platform-commons,junit-platform-engine,opentest4j
ours=$ours,apiguardian-api,assertj-core,byte-buddy
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -pl pipeline \
  -Dmdep.outputFile="$cp" -Dmdep.includeScope=provided -DexcludeArtifactIds="$ours"
if tr ':' '\n' < "$cp" | grep -qE 'commons-statistics|picocli|scrutineer'; then
  echo "spark-submit smoke: the Spark classpath still holds the project's own libraries" >&2
  exit 1
fi
opens=$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' pom.xml)
# shellcheck disable=SC2086
# Under spark-submit the job keeps the cluster's settings; a small run wants few shuffle partitions.
java $opens -cp "$(cat "$cp")" org.apache.spark.deploy.SparkSubmit --master 'local[2]' \
  --conf spark.sql.shuffle.partitions=8 --conf spark.ui.enabled=false \
  --class org.scrutineer.jobs.Scrutineer jobs/target/scrutineer-spark-submit.jar \
  run --sample --out "$out"
ls "$out"/csv/disproportionality/*.csv > /dev/null
echo "spark-submit jar: ok ($out)"
