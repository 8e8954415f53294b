#!/usr/bin/env python3
"""Prints the allocator table of docs/performance.md from a JMH JSON result file.

Usage (from the project root, after the benchmark command in docs/performance.md):
    python3 src/jmh/scripts/allocator-table.py target/allocators.json

Each cell is the median ns/op of the measurement iterations and, in parentheses, its ratio to
referenceBump of the same size in the same run; the rows that allocate a whole frame per call
(names ending in "Frame") are divided by referenceBumpFrame instead. The last column is the median
gc.alloc.rate.norm (Java-heap bytes per operation; 0 means below 0.5 B/op), per size when it
is not 0.
"""
import json
import statistics
import sys

ORDER = ["referenceBump", "referenceBumpInObject", "frameAllocateOffset", "frameAllocate",
         "referenceBumpFrame", "frameAllocateOffsetFrame", "frameAllocateFrame",
         "allocateFree(pool)", "allocateFree(free-list)", "referenceMallocFree", "allocateFree(default)",
         "referenceNewByteArray", "referenceConfinedArena", "allocateFree(debug-pool)"]


def flatten(raw):
    return [value for fork in raw for value in fork]


def number(value):
    """Two decimals below 10, where the frame rows and their ratios live; one above."""
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def main(path):
    rows = {}
    for result in json.load(open(path)):
        name = result["benchmark"].rsplit(".", 1)[1]
        params = result.get("params", {})
        label = name + (f"({params['allocator']})" if "allocator" in params else "")
        size = int(params["size"])
        median = statistics.median(flatten(result["primaryMetric"]["rawData"]))
        norm = result["secondaryMetrics"].get("gc.alloc.rate.norm")
        heap = statistics.median(flatten(norm["rawData"])) if norm else float("nan")
        rows[(label, size)] = (median, heap)
    sizes = sorted({size for (_, size) in rows})
    labels = sorted({label for (label, _) in rows},
                    key=lambda label: ORDER.index(label) if label in ORDER else len(ORDER))
    print("| benchmark | " + " | ".join(f"{size} B" for size in sizes) + " | heap B/op |")
    print("|---|" + "---:|" * len(sizes) + "---:|")
    for label in labels:
        cells, heaps = [], []
        for size in sizes:
            if (label, size) not in rows:
                cells.append("")
                continue
            median, heap = rows[(label, size)]
            reference = "referenceBumpFrame" if label.endswith("Frame") else "referenceBump"
            bump = rows.get((reference, size), (float("nan"),))[0]
            cells.append(f"{number(median)} ({number(median / bump)}×)")
            heaps.append(heap)
        heap_text = "0" if max(heaps) < 0.5 else "/".join(f"{heap:.0f}" for heap in heaps)
        print(f"| `{label}` | " + " | ".join(cells) + f" | {heap_text} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: allocator-table.py JMH_RESULT.json")
    main(sys.argv[1])
