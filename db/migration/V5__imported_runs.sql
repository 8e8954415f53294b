-- Runs imported from other tools' result files (JMH JSON, Google Benchmark JSON, Bencher Metric
-- Format) rather than measured by the experiment job: 'measured', or 'imported-<format>'. Every
-- earlier run was measured. An imported run is compared and reported like a measured one. Its spec
-- snapshot is the import's (experiment, benchmarks, baseline, thresholds), not a runnable spec.
ALTER TABLE run ADD COLUMN origin VARCHAR(20) DEFAULT 'measured' NOT NULL;
