#!/usr/bin/env python3
"""The workload tables of docs/performance.md from JMH JSON (and DART's Google Benchmark JSON).

Usage (from the project root):
    python3 src/jmh/scripts/workload-table.py WORLDBENCH.json [--dart DART.json] [--resamples 2000]

WORLDBENCH.json: `java -jar target/benchmarks.jar ... -rf json -rff WORLDBENCH.json` over the workload
benchmarks, every `allocation` value in the same run. DART.json: `dartbench --benchmark_repetitions=5
--benchmark_out=DART.json --benchmark_out_format=json` from ../shared/anchors/dart, run in the same
session (compare ratios, never absolute times from different sessions).

Prints three Markdown tables:
 1. allocation configurations: for every workload (benchmark + parameters except `allocation`), the
    median time of HEAP, INLINE and HIERARCHICAL and the ratios INLINE/HEAP and HIERARCHICAL/INLINE,
    each with a 95% bootstrap confidence interval of the ratio of medians;
 2. against DART: worldbench median / DART median per configuration, with a 95% interval;
 3. parallel scaling, when parallelWorlds (and the controls parallelSpinControl, parallelCacheControl) are present: throughput with T
    threads over throughput with 1; for their paired versions (parallelWorldsPaired, ...: 1 and T threads
    timed alternately in each iteration) the median of the per-iteration ratios T x t1 / tT.

The interval resamples the raw samples the way they were produced: forks with replacement, then
iterations with replacement inside each resampled fork (DART's repetitions count as one fork's
iterations); the ratio of the two pooled medians is recomputed each time and the 2.5% and 97.5%
quantiles are reported. A ratio below 1 means the numerator configuration is faster. Fixed seed, so
the same files print the same table.
"""
import argparse
import json
import random
import statistics
import sys

UNIT_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}

# worldbench benchmark method -> DART benchmark name; {} takes the size parameter.
DART_NAMES = {
    "fk": "BM_FK/{bodies}",
    "massMatrix": "BM_MassMatrix/{bodies}",
    "forwardDynamics": "BM_ForwardDynamics/{bodies}",
    "robotFk": "BM_RobotFK/{robot}",
    "robotMassMatrix": "BM_RobotMassMatrix/{robot}",
    "robotForwardDynamics": "BM_RobotForwardDynamics/{robot}",
    "smallWorldStep": "BM_SmallWorldStep",
    "lifecycle": "BM_Lifecycle/{skeletons}",
    "parallelWorlds": "BM_ParallelWorlds/{threads}",
    "parallelSpinControl": "BM_ParallelSpinControl/{threads}",
}
# DART's chain kernels exist only for its chain(N): fixed base, revolute joints.
CHAIN_ONLY = {"fk", "massMatrix", "forwardDynamics"}
# contactWorldStep compares with DART's default (FCL mesh) rows and with its analytic-box rows.
CONTACT_NAMES = {"stack": ["BM_ContactWorldStep/{boxes}", "BM_ContactWorldStep_DARTCD/{boxes}"],
                 "grid": ["BM_ContactWorldStep_Grid/{boxes}"]}


def time_unit_ns(unit):
    """JMH score units such as 'ns/op' or 'us/op' -> nanoseconds per unit."""
    head = unit.split("/")[0]
    if head not in UNIT_NS:
        sys.exit(f"unsupported JMH score unit {unit!r} (expected a time per operation)")
    return UNIT_NS[head]


def load_jmh(path):
    """{(benchmark, params without allocation): {allocation: [[ns per op of each iteration] per fork]}}

    A paired benchmark (PairedTimes: oneThreadMs and allThreadsMs of the same iterations) gives
    instead, per fork, the per-iteration pairs [(one-thread ms, T-thread ms)]."""
    rows = {}
    for result in json.load(open(path)):
        method = result["benchmark"].rsplit(".", 1)[1]
        params = dict(result.get("params", {}))
        allocation = params.pop("allocation", "-")
        secondary = result.get("secondaryMetrics", {})
        if "oneThreadMs" in secondary and "allThreadsMs" in secondary:
            forks = [list(zip(one, many)) for one, many in
                     zip(secondary["oneThreadMs"]["rawData"], secondary["allThreadsMs"]["rawData"])]
        else:
            scale = time_unit_ns(result["primaryMetric"]["scoreUnit"])
            forks = [[value * scale for value in fork] for fork in result["primaryMetric"]["rawData"]]
        key = (method, tuple(sorted(params.items())))
        rows.setdefault(key, {})[allocation] = forks
    return rows


def load_dart(path):
    """{DART run name: [[real time in ns of each repetition]]} (one 'fork')."""
    runs = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration":
            continue  # aggregates (mean, median, stddev, cv) are recomputed from the repetitions
        runs.setdefault(b["run_name"], []).append(b["real_time"] * UNIT_NS[b.get("time_unit", "ns")])
    return {name: [values] for name, values in runs.items()}


def is_paired(forks):
    """Whether these forks hold (one-thread, T-thread) pairs rather than times."""
    return any(isinstance(v, tuple) for fork in forks for v in fork)


def pooled_median(forks):
    return statistics.median([v for fork in forks for v in fork])


def resample(forks, rng):
    out = []
    for _ in forks:
        fork = forks[rng.randrange(len(forks))]
        out.append([fork[rng.randrange(len(fork))] for _ in fork])
    return out


def median_with_interval(forks, resamples, rng):
    """Pooled median and its 95% two-stage bootstrap interval (forks, then iterations)."""
    draws = sorted(pooled_median(resample(forks, rng)) for _ in range(resamples))
    return pooled_median(forks), draws[int(0.025 * (resamples - 1))], draws[int(0.975 * (resamples - 1))]


def ratio_with_interval(numerator, denominator, resamples, rng):
    """Ratio of pooled medians and its 95% two-stage bootstrap interval."""
    ratio = pooled_median(numerator) / pooled_median(denominator)
    draws = sorted(pooled_median(resample(numerator, rng)) / pooled_median(resample(denominator, rng))
                   for _ in range(resamples))
    low = draws[int(0.025 * (resamples - 1))]
    high = draws[int(0.975 * (resamples - 1))]
    return ratio, low, high


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def fmt_ratio(r):
    if r is None:
        return "–"
    ratio, low, high = r
    return f"{ratio:.2f} [{low:.2f}, {high:.2f}]"


def label(method, params):
    inner = ", ".join(f"{k}={v}" for k, v in params)
    return f"`{method}`" + (f" ({inner})" if inner else "")


def allocation_table(rows, resamples, rng):
    print("| workload | HEAP | INLINE | HIERARCHICAL | INLINE / HEAP [95% CI] | HIERARCHICAL / INLINE [95% CI] |")
    print("|---|---:|---:|---:|---:|---:|")
    for (method, params), configs in sorted(rows.items()):
        if any(is_paired(forks) for forks in configs.values()):
            continue  # a paired benchmark's time is not one number: the scaling table reads it
        cells = [fmt_time(pooled_median(configs[a])) if a in configs else "–"
                 for a in ("HEAP", "INLINE", "HIERARCHICAL")]
        inline_heap = (ratio_with_interval(configs["INLINE"], configs["HEAP"], resamples, rng)
                       if "INLINE" in configs and "HEAP" in configs else None)
        hier_inline = (ratio_with_interval(configs["HIERARCHICAL"], configs["INLINE"], resamples, rng)
                       if "HIERARCHICAL" in configs and "INLINE" in configs else None)
        print(f"| {label(method, params)} | " + " | ".join(cells)
              + f" | {fmt_ratio(inline_heap)} | {fmt_ratio(hier_inline)} |")


def dart_names(method, params):
    p = dict(params)
    if method in CHAIN_ONLY and (p.get("shape", "chain").lower() != "chain"
                                 or p.get("joint", "revolute").lower() != "revolute"):
        return []
    if method == "contactWorldStep":
        return [n.format(**p) for n in CONTACT_NAMES.get(p.get("layout", ""), [])]
    if method in DART_NAMES:
        try:
            return [DART_NAMES[method].format(**p)]
        except KeyError:
            return []
    return []


def dart_table(rows, dart, resamples, rng):
    print("| workload | DART benchmark | DART median | allocation | worldbench median | worldbench / DART [95% CI] |")
    print("|---|---|---:|---|---:|---:|")
    for (method, params), configs in sorted(rows.items()):
        for name in dart_names(method, params):
            if name not in dart:
                continue
            for allocation in ("HEAP", "INLINE", "HIERARCHICAL", "-"):
                if allocation not in configs:
                    continue
                ours = configs[allocation]
                r = ratio_with_interval(ours, dart[name], resamples, rng)
                print(f"| {label(method, params)} | {name} | {fmt_time(pooled_median(dart[name]))} | {allocation} "
                      f"| {fmt_time(pooled_median(ours))} | {fmt_ratio(r)} |")


def scaling_table(rows, dart, resamples, rng):
    """Throughput with T threads over 1 thread: T x time(1) / time(T), each iteration doing T x the work."""
    lines = []
    for method in ("parallelWorlds", "parallelSpinControl", "parallelCacheControl"):
        by_threads = {}
        for (m, params), configs in rows.items():
            if m != method:
                continue
            p = dict(params)
            threads = int(p.pop("threads"))
            for allocation, forks in configs.items():
                by_threads.setdefault((tuple(sorted(p.items())), allocation), {})[threads] = forks
        for (rest, allocation), series in sorted(by_threads.items()):
            if 1 not in series:
                continue
            for threads, forks in sorted(series.items()):
                if threads == 1:
                    continue
                ratio, low, high = ratio_with_interval(series[1], forks, resamples, rng)
                lines.append(f"| `{method}` {label('', rest).strip('` ')} | {allocation} | {threads} "
                             f"| {threads * ratio:.2f} [{threads * low:.2f}, {threads * high:.2f}] |")
    # paired: 1 and T threads timed alternately in each iteration; T x t1 / tT per iteration, then
    # the median of those with the same bootstrap (what `worldbench scaling` reports)
    for method in ("parallelWorldsPaired", "parallelSpinControlPaired", "parallelCacheControlPaired"):
        for (m, params), configs in sorted(rows.items()):
            if m != method:
                continue
            p = dict(params)
            threads = int(p.pop("threads"))
            for allocation, forks in sorted(configs.items()):
                ratios = [[threads * one / many for one, many in fork if many > 0] for fork in forks]
                ratio, low, high = median_with_interval([f for f in ratios if f], resamples, rng)
                lines.append(f"| `{method}` {label('', tuple(sorted(p.items()))).strip('` ')} | {allocation} | {threads} "
                             f"| {ratio:.2f} [{low:.2f}, {high:.2f}] |")
    for method in ("BM_ParallelWorlds", "BM_ParallelSpinControl"):
        one = dart.get(f"{method}/1")
        for threads in (2, 4):
            many = dart.get(f"{method}/{threads}")
            if one and many:
                ratio, low, high = ratio_with_interval(one, many, resamples, rng)
                lines.append(f"| DART {method} | – | {threads} | {threads * ratio:.2f} "
                             f"[{threads * low:.2f}, {threads * high:.2f}] |")
    if lines:
        print("| workload | allocation | threads T | throughput(T) / throughput(1) [95% CI] |")
        print("|---|---|---:|---:|")
        print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("jmh", help="worldbench JMH JSON result file")
    parser.add_argument("--dart", help="DART Google Benchmark JSON result file (same session)")
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = load_jmh(args.jmh)
    dart = load_dart(args.dart) if args.dart else {}
    print("### Allocation configurations\n")
    allocation_table(rows, args.resamples, rng)
    if dart:
        print("\n### Against DART\n")
        dart_table(rows, dart, args.resamples, rng)
    print()
    scaling_table(rows, dart, args.resamples, rng)


if __name__ == "__main__":
    main()
