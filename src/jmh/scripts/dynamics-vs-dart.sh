#!/usr/bin/env bash
# The Dynamics table of docs/performance.md: worldbench's JMH dynamics benchmarks and DART's
# dartbench (../shared/anchors/dart) on the same workloads, in one session, as ratios.
#
#   DARTBENCH=<build>/dartbench [DART_LIB=<dart release build>/lib] src/jmh/scripts/dynamics-vs-dart.sh [out-dir]
#
# DARTBENCH: the dartbench binary built as ../shared/anchors/dart/README.md says (outside the project).
# DART_LIB:  optional; the lib folder of DART's -O3 -DNDEBUG rebuild (the "release" column DART's
#            README recommends); without it the Debian libdart is timed.
# Every timing run holds the shared benchmark lock (worldbench-bench.lock in the temp folder), so no two
# benchmark processes overlap.
# Needs: JDK 25 (JAVA_HOME), python3 (for the table), target/benchmarks.jar (./mvnw -B package).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
out=${1:-target/dynamics-vs-dart}
mkdir -p "$out"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
lock=${WORLDBENCH_BENCH_LOCK:-$(dirname "$(mktemp -u)")/worldbench-bench.lock}
: "${DARTBENCH:?set DARTBENCH to the dartbench binary (see ../shared/anchors/dart/README.md)}"
[ -f target/benchmarks.jar ] || ./mvnw -B -q package -DskipTests

echo "== DART (${DART_LIB:-Debian libdart}) =="
LD_LIBRARY_PATH=${DART_LIB:-${LD_LIBRARY_PATH:-}} flock "$lock" "$DARTBENCH" \
  --benchmark_filter='BM_(FK|MassMatrix|ForwardDynamics)/|BM_Robot' \
  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/dart.json" --benchmark_out_format=json

echo "== worldbench (JMH, -prof gc) =="
flock "$lock" "$java" -jar target/benchmarks.jar 'dynamics\.(Skeleton|Robot)DynamicsBenchmark\.(fk|massMatrix|forwardDynamics|robot.*)$' \
  -p shape=chain -p joint=revolute -p bodies=7,30,100 -p allocation=HEAP,INLINE,HIERARCHICAL -p debug=false \
  -f 1 -wi 5 -w 1 -i 5 -r 1 -prof gc -rf json -rff "$out/worldbench.json"

python3 - "$out/dart.json" "$out/worldbench.json" <<'PY'
import json, sys
dart = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("aggregate_name") == "median":
        unit = {"ns": 1, "us": 1e3, "ms": 1e6}[b["time_unit"]]
        dart[b["run_name"]] = b["real_time"] * unit
names = {"fk": "BM_FK/{}", "massMatrix": "BM_MassMatrix/{}", "forwardDynamics": "BM_ForwardDynamics/{}",
         "robotFk": "BM_RobotFK/{}", "robotMassMatrix": "BM_RobotMassMatrix/{}",
         "robotForwardDynamics": "BM_RobotForwardDynamics/{}"}
rows = []
for r in json.load(open(sys.argv[2])):
    method = r["benchmark"].rsplit(".", 1)[1]
    p = r["params"]
    arg = p.get("bodies") or p.get("robot")
    key = names[method].format(arg)
    ns = r["primaryMetric"]["score"]
    err = r["primaryMetric"]["scoreError"]
    alloc = r["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    rows.append((key, p["allocation"], ns, err, dart.get(key), alloc))
print("| workload | allocation | worldbench | DART | worldbench / DART | B/op |")
print("|---|---|---:|---:|---:|---:|")
for key, alloc_mode, ns, err, d, alloc in sorted(rows):
    ratio = f"{ns / d:.2f}" if d else "n/a"
    dart_s = f"{d / 1000:.2f} µs" if d else "n/a"
    print(f"| {key} | {alloc_mode} | {ns / 1000:.3f} ± {err / 1000:.3f} µs | {dart_s} | {ratio} | {alloc:.3g} |")
PY
