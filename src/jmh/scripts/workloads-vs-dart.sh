#!/usr/bin/env bash
# The Workloads tables of docs/performance.md: worldbench's workload benchmarks under HEAP, INLINE and
# HIERARCHICAL, and DART's dartbench (../shared/anchors/dart) on the same workloads, in one session.
#
#   [DARTBENCH=<build>/dartbench [DART_LIB=<dart release build>/lib]] src/jmh/scripts/workloads-vs-dart.sh [out-dir]
#
# Without DARTBENCH only the allocation table is printed. Every timing run holds the shared benchmark
# lock (worldbench-bench.lock in the temp folder), so no two benchmark processes overlap. JMH: 3 forks,
# 5 x 1 s warm-up, 10 x 1 s measurement per configuration (about 40 s each; see docs/performance.md for
# the warm-up this covers). Override with JMH_OPTS, the selection with WORKLOADS (a JMH regex).
# Needs: JDK 25 (JAVA_HOME), python3, target/benchmarks.jar (./mvnw -B package).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
out=${1:-target/workloads-vs-dart}
mkdir -p "$out"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
lock=${WORLDBENCH_BENCH_LOCK:-$(dirname "$(mktemp -u)")/worldbench-bench.lock}
[ -f target/benchmarks.jar ] || ./mvnw -B -q package -DskipTests
workloads=${WORKLOADS:-'\.(fk|massMatrix|forwardDynamics|robotFk|robotMassMatrix|robotForwardDynamics|smallWorldStep|contactWorldStep|lifecycle|parallelWorlds|parallelSpinControl)$'}
jmh_opts=${JMH_OPTS:--f 3 -wi 5 -w 1 -i 10 -r 1}

dart_args=()
if [ -n "${DARTBENCH:-}" ]; then
  echo "== DART (${DART_LIB:-Debian libdart}) =="
  LD_LIBRARY_PATH=${DART_LIB:-${LD_LIBRARY_PATH:-}} flock "$lock" "$DARTBENCH" --benchmark_repetitions=5 \
    --benchmark_out="$out/dart.json" --benchmark_out_format=json
  dart_args=(--dart "$out/dart.json")
fi

echo "== worldbench (JMH, -prof gc) =="
# shellcheck disable=SC2086
flock "$lock" "$java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -jar target/benchmarks.jar "$workloads" \
  -p shape=chain -p joint=revolute -p bodies=7,30,100 -p allocation=HEAP,INLINE,HIERARCHICAL -p debug=false \
  $jmh_opts -prof gc -rf json -rff "$out/worldbench.json"

python3 src/jmh/scripts/workload-table.py "$out/worldbench.json" "${dart_args[@]}"
