#!/usr/bin/env bash
# Runs the spark-submit jar the way spark-submit does, without a Spark installation: Spark's own
# launcher (org.apache.spark.deploy.SparkSubmit) on a classpath of Spark and its dependencies only,
# so any class the thin jar forgot to carry fails the run. Usage, from the repository root after
# mvn package: bench/spark-submit-smoke.sh [OUT_DIR]
set -euo pipefail
out=${1:-$(mktemp -d)/spark-submit-run}
cp=$(mktemp)
bench/spark-classpath.sh "$cp"
opens=$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' pom.xml)
# Under spark-submit the job keeps the cluster's settings; a small run wants few shuffle partitions.
# shellcheck disable=SC2086
java $opens -cp "$(cat "$cp")" org.apache.spark.deploy.SparkSubmit --master 'local[2]' \
  --conf spark.sql.shuffle.partitions=8 --conf spark.ui.enabled=false \
  --class org.scrutineer.jobs.Scrutineer jobs/target/scrutineer-spark-submit.jar \
  run --sample --out "$out"
ls "$out"/latest/csv/disproportionality/*.csv > /dev/null
echo "spark-submit jar: ok ($out)"
