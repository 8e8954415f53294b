package org.worldbench.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything read from one result file, checked and ready to store.
 *
 * @param format      the file's format
 * @param file        the file as the user named it
 * @param machine     what the file says about the machine
 * @param measuredAt  when the file says it was measured, or null
 * @param suggestedExperiment experiment name when the user gives none (Google Benchmark: the program's name)
 * @param benchmarks  the results, in file order
 * @param tags        labels the file gives the run (Google Benchmark's custom context)
 */
public record ImportedResults(ResultFormat format, String file, ImportedMachine machine, Instant measuredAt,
        String suggestedExperiment, List<ImportedBenchmark> benchmarks, Map<String, String> tags) {

    public ImportedResults {
        benchmarks = List.copyOf(benchmarks);
        tags = Map.copyOf(tags);
    }

    /** Raw samples over every benchmark and metric. */
    public long sampleCount() {
        return benchmarks.stream().filter(b -> b.measurement() != null)
                .flatMap(b -> b.measurement().metrics().stream()).mapToLong(m -> m.sampleCount()).sum();
    }
}
