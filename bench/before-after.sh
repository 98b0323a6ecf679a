#!/usr/bin/env bash
# A refactoring proves itself: builds the jar of an earlier commit (REF) beside this checkout's,
# runs both on the same inputs and compares every table by content (bench/CompareOutputs.java:
# each Parquet table the same rows with the same values, each CSV table the same lines, by key and
# not by file order or file layout). Fails on any difference.
#
# Usage, from the repository root: bench/before-after.sh REF [WORK_DIR] [-- RUN ARGUMENTS]
# Without run arguments it runs the shipped sample; bench/real-data-args.sh prints the arguments
# of the shared data.police.uk set.
set -euo pipefail
ref=${1:?usage: bench/before-after.sh REF [WORK_DIR] [-- RUN ARGUMENTS]}
work=${2:-$(mktemp -d)/before-after}
shift $(( $# > 1 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--config data-samples/sample.json)
rm -rf "$work"
mkdir -p "$work"
git worktree add -q --detach "$work/src" "$ref"
trap 'git worktree remove --force "$work/src"' EXIT
(cd "$work/src" && mvn -B -q package -DskipTests)
[ -f jobs/target/scrutineer.jar ] || mvn -B -q package -DskipTests
java -jar "$work/src/jobs/target/scrutineer.jar" run "${args[@]}" --out "$work/before" \
  > "$work/before.log" 2>&1 || { tail -20 "$work/before.log"; exit 1; }
java -jar jobs/target/scrutineer.jar run "${args[@]}" --out "$work/after" \
  > "$work/after.log" 2>&1 || { tail -20 "$work/after.log"; exit 1; }
java -Xmx8g -cp jobs/target/scrutineer.jar bench/CompareOutputs.java "$work/before" "$work/after" \
  2> "$work/compare.log"
