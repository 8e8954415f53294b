package org.worldbench.report.engines;

import java.time.Instant;
import java.util.List;

/**
 * Two engines' runs side by side, pair by pair, as ratios of medians with bootstrap intervals. No
 * verdicts: the engines differ, so "regressed" or "improved" would mean nothing.
 *
 * @param runA        the first run (numerator of every ratio)
 * @param runB        the second run
 * @param engineA     name of run A's engine
 * @param engineB     name of run B's engine
 * @param level       confidence level of the intervals
 * @param rows        one per pair of the mapping
 * @param generatedAt when this was computed
 */
public record EngineComparison(RunSide runA, RunSide runB, String engineA, String engineB, double level, List<Row> rows,
        Instant generatedAt) {

    /**
     * @param runId      the run
     * @param experiment its experiment
     * @param origin     measured or imported-FORMAT
     * @param machine    its machine, one line
     * @param createdAt  when it was stored
     */
    public record RunSide(long runId, String experiment, String origin, String machine, Instant createdAt) {
    }

    /**
     * One pair. Times are nanoseconds per operation, medians over all samples.
     *
     * @param workload  what both benchmarks do
     * @param a         benchmark in run A
     * @param b         benchmark in run B
     * @param medianA   median time per operation of a (NaN if missing)
     * @param medianB   median time per operation of b (NaN if missing)
     * @param samplesA  samples of a
     * @param samplesB  samples of b
     * @param ratio     medianA / medianB (NaN if not computed)
     * @param low       lower end of the interval
     * @param high      upper end of the interval
     * @param note      why a pair has no ratio, otherwise empty
     */
    public record Row(String workload, String a, String b, double medianA, double medianB, int samplesA, int samplesB,
            double ratio, double low, double high, String note) {

        public boolean hasRatio() {
            return !Double.isNaN(ratio);
        }
    }
}
