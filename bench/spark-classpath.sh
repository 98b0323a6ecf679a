#!/usr/bin/env bash
# Writes to FILE the classpath a Spark cluster supplies: the pipeline module's provided classpath
# (Spark, Hadoop, Jackson and their dependencies; the module depends on nothing in the reactor)
# without the project's own libraries and test tools, so a class the thin spark-submit jar forgot
# to carry fails the run. Used by bench/spark-submit-smoke.sh and bench/standalone-cluster.sh.
# Usage, from the repository root: bench/spark-classpath.sh FILE
set -euo pipefail
file=${1:?usage: bench/spark-classpath.sh FILE}
ours=commons-statistics-distribution,commons-rng-client-api,commons-rng-sampling,commons-numbers-core
ours=$ours,commons-numbers-combinatorics,commons-numbers-gamma,commons-numbers-fraction
ours=$ours,commons-numbers-rootfinder,junit-jupiter,junit-jupiter-api,junit-jupiter-params
ours=$ours,junit-jupiter-engine,junit-platform-commons,junit-platform-engine,opentest4j
ours=$ours,apiguardian-api,assertj-core,byte-buddy
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -pl pipeline \
  -Dmdep.outputFile="$file" -Dmdep.includeScope=provided -DexcludeArtifactIds="$ours"
if tr ':' '\n' < "$file" | grep -qE 'commons-statistics|picocli|scrutineer'; then
  echo "the Spark classpath still holds the project's own libraries" >&2
  exit 1
fi
# Parquet 1.16 loads JTS from the cluster's own classpath.
tr ':' '\n' < "$file" | grep -q '/jts-core-' || { echo "JTS is not on the Spark classpath" >&2; exit 1; }
