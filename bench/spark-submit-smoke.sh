#!/usr/bin/env bash
# Runs the spark-submit jar the way spark-submit does, without a Spark installation: Spark's own
# launcher (org.apache.spark.deploy.SparkSubmit) on a classpath of Spark and its dependencies only,
# so any class the thin jar forgot to carry fails the run. Usage, from the repository root after
# mvn package: bench/spark-submit-smoke.sh [OUT_DIR]
set -euo pipefail
out=${1:-$(mktemp -d)/spark-submit-run}
cp=$(mktemp)
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -pl jobs \
  -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime \
  -DexcludeArtifactIds=scrutineer-pipeline,picocli,commons-statistics-distribution,commons-numbers-gamma,commons-numbers-core,commons-numbers-fraction,commons-rng-client-api
opens=$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' pom.xml)
# shellcheck disable=SC2086
java $opens -cp "$(cat "$cp")" org.apache.spark.deploy.SparkSubmit --master 'local[2]' \
  --class org.scrutineer.jobs.Scrutineer jobs/target/scrutineer-spark-submit.jar \
  run --sample --out "$out"
test -s "$out/disproportionality.csv"
echo "spark-submit jar: ok ($out)"
