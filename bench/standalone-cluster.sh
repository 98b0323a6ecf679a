#!/usr/bin/env bash
# A real Spark standalone cluster on this machine: a Master and two Workers on 127.0.0.1, started
# from the Spark jars Maven already fetched (no download), laid out as a Spark distribution
# (SPARK_HOME/jars, links to Maven's jars) because a Worker launches its executors through Spark's
# launcher. It submits scrutineer-spark-submit.jar with --master spark://127.0.0.1:PORT, checks
# that tasks ran on executors of both Workers (the application's event log and each Worker's JSON
# status), that every CSV file equals a local-mode run of the same jar byte for byte and every
# Parquet table holds the same rows (bench/CompareOutputs.java), and stops everything it started.
#
# Usage, from the repository root after `mvn -B -q package -DskipTests`:
#   bench/standalone-cluster.sh [WORK_DIR] [-- RUN ARGUMENTS]
# Without run arguments it runs the shipped sample (data-samples/sample.json); CI does that.
set -euo pipefail
work=${1:-$(mktemp -d)/standalone}
shift $(( $# > 0 ? 1 : 0 ))
[ "${1:-}" = "--" ] && shift
run_args=("$@")
[ ${#run_args[@]} -eq 0 ] && run_args=(--config data-samples/sample.json)
command -v curl > /dev/null || apt-get install -y curl > /dev/null
jar=jobs/target/scrutineer-spark-submit.jar
fat=jobs/target/scrutineer.jar
[ -f "$jar" ] && [ -f "$fat" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
rm -rf "$work"
mkdir -p "$work/spark-home/jars" "$work/spark-home/conf" "$work/events" "$work/logs"
work=$(cd "$work" && pwd)

# Spark and its dependencies, JTS among them (bench/spark-classpath.sh).
cp_file="$work/classpath.txt"
bench/spark-classpath.sh "$cp_file"
for j in $(tr ':' '\n' < "$cp_file"); do
  [ -f "$j" ] || { echo "not a jar: $j" >&2; exit 1; }
  ln -s "$j" "$work/spark-home/jars/$(basename "$j")"
done
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOG_DIR="$work/logs" SPARK_WORKER_DIR="$work/worker"
opens=$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' pom.xml)
classpath="$SPARK_HOME/jars/*"

free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
pids=()
stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap stop_all EXIT

master_port=$(free_port)
master_ui=$(free_port)
# shellcheck disable=SC2086
java $opens -Xmx512m -cp "$classpath" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$master_port" --webui-port "$master_ui" \
  > "$work/logs/master.log" 2>&1 &
pids+=($!)
worker_uis=()
for w in 1 2; do
  ui=$(free_port)
  worker_uis+=("$ui")
  mkdir -p "$work/worker$w"
  # shellcheck disable=SC2086
  java $opens -Xmx512m -cp "$classpath" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --webui-port "$ui" --cores 1 --memory 3g --work-dir "$work/worker$w" \
    "spark://127.0.0.1:$master_port" > "$work/logs/worker$w.log" 2>&1 &
  pids+=($!)
done
alive=0
for _ in $(seq 1 120); do
  alive=$(curl -sf "http://127.0.0.1:$master_ui/json/" \
    | sed -n 's/.*"aliveworkers" *: *\([0-9]*\).*/\1/p' || true)
  [ "${alive:-0}" -ge 2 ] && break
  sleep 1
done
[ "${alive:-0}" -ge 2 ] || { echo "cluster did not come up" >&2; tail -20 "$work"/logs/*.log >&2; exit 1; }
echo "cluster: master spark://127.0.0.1:$master_port, two workers"

start=$(date +%s%N)
# shellcheck disable=SC2086
java $opens -Xmx1g -cp "$classpath" org.apache.spark.deploy.SparkSubmit \
  --master "spark://127.0.0.1:$master_port" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.executor.memory=2g --conf spark.cores.max=2 --conf spark.executor.cores=1 \
  --conf spark.sql.shuffle.partitions=8 --conf spark.sql.session.timeZone=UTC \
  --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file:$work/events" \
  --conf spark.eventLog.rolling.enabled=false --conf spark.eventLog.compress=false \
  --class org.scrutineer.jobs.Scrutineer "$jar" \
  run "${run_args[@]}" --out "$work/cluster-run" > "$work/logs/submit.log" 2>&1 \
  || { echo "cluster run failed" >&2; tail -40 "$work/logs/submit.log" >&2; exit 1; }
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf "cluster run: %d.%03d s wall\n" $((ms / 1000)) $((ms % 1000))

# Tasks on both Workers: the event log's finished tasks by executor, and each Worker's own list of
# the executors it ran for this application.
log=$(find "$work/events" -type f ! -name '*.inprogress' | head -1)
app=$(grep -o '"App ID":"[^"]*"' "$log" | head -1 | cut -d'"' -f4)
grep '"Event":"SparkListenerTaskEnd"' "$log" | grep -o '"Executor ID":"[^"]*"' | sort | uniq -c \
  | tee "$work/tasks-by-executor.txt"
executors=$(wc -l < "$work/tasks-by-executor.txt")
[ "$executors" -ge 2 ] || { echo "tasks ran on $executors executor(s), not on both workers" >&2; exit 1; }
for ui in "${worker_uis[@]}"; do
  curl -sf "http://127.0.0.1:$ui/json/" | grep -q "\"$app\"" \
    || { echo "worker on UI port $ui ran no executor for $app" >&2; exit 1; }
done
echo "tasks ran on both workers ($app)"

# The same run in local mode, and the outputs compared.
java -jar "$fat" run "${run_args[@]}" --out "$work/local-run" > "$work/logs/local.log" 2>&1 \
  || { echo "local run failed" >&2; tail -40 "$work/logs/local.log" >&2; exit 1; }
diff -r "$work/local-run/latest/csv" "$work/cluster-run/latest/csv" > /dev/null \
  && diff -r "$work/local-run/latest/panel" "$work/cluster-run/latest/panel" > /dev/null \
  || { echo "CSV files differ between local mode and the cluster" >&2; exit 1; }
echo "every CSV file is byte for byte the same as in local mode"
java -cp "$fat" bench/CompareOutputs.java "$work/local-run" "$work/cluster-run" 2>/dev/null | tail -1
