package org.worldbench.benchmark.analysis;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.worldbench.analysis.Comparison;
import org.worldbench.analysis.ComparisonInput;
import org.worldbench.analysis.MachineCheck;
import org.worldbench.analysis.RunComparator;
import org.worldbench.analysis.Samples;
import org.worldbench.analysis.VerdictSettings;
import org.worldbench.analysis.proof.NoiseModel;

/**
 * How long a verdict takes. The budget (issue 8): one benchmark, 5 forks × 10 iterations against
 * 5 × 10, 2,000 bootstrap resamples, well under 50 ms; a run of 1,000 benchmarks in seconds, not
 * minutes (1,000 × the first number, single-threaded).
 *
 * <p>{@code verdictOneComparison5x10} is the whole {@link RunComparator#compare} of one input:
 * medians, the two-stage bootstrap (2 × 2,000 resamples of 50 draws and a selection each), the U
 * test, Benjamini–Hochberg over one p-value and the reason text. {@code verdictMedianOf50Sort} and
 * {@code verdictMedianOf50Selection} are reference points measured in the same run: one median of 50
 * values, the bootstrap's inner unit of work (each comparison does 4,000 of them), by commons-numbers'
 * selection (used: faster, though it allocates 24 B a call) and by sorting (the alternative).
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar 'benchmark.analysis' -f 2 -wi 2 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 5, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class VerdictBenchmark {

    private RunComparator comparator;
    private List<ComparisonInput> one;
    private MachineCheck machine;
    private double[] fifty;
    private double[] scratch;

    @Setup
    public void setUp() {
        NoiseModel noise = new NoiseModel(0.01, 0.02, 0.05, 0.3);
        SplittableRandom random = new SplittableRandom(42);
        Samples baseline = noise.sample(random, 5, 10, 1000);
        Samples trial = noise.sample(random, 5, 10, 1040);
        comparator = new RunComparator(VerdictSettings.defaults());
        one = List.of(ComparisonInput.of("stepSmallWorld", ComparisonInput.PRIMARY, "ns/op", trial, baseline));
        machine = MachineCheck.sameMachine("benchmark");
        fifty = baseline.pooled();
        scratch = new double[fifty.length];
    }

    @Benchmark
    public Comparison verdictOneComparison5x10() {
        return comparator.compare(one, machine).comparisons().getFirst();
    }

    /** What the bootstrap does: commons-numbers' selection on 50 values. */
    @Benchmark
    public double verdictMedianOf50Selection() {
        System.arraycopy(fifty, 0, scratch, 0, fifty.length);
        org.apache.commons.numbers.arrays.Selection.select(scratch, 0, scratch.length, scratch.length / 2);
        double high = scratch[scratch.length / 2];
        double low = scratch[0];
        for (int i = 1; i < scratch.length / 2; i++) {
            low = Math.max(low, scratch[i]);
        }
        return (low + high) / 2;
    }

    /** The alternative: sort the 50 values and take the middle two. */
    @Benchmark
    public double verdictMedianOf50Sort() {
        System.arraycopy(fifty, 0, scratch, 0, fifty.length);
        java.util.Arrays.sort(scratch);
        return (scratch[24] + scratch[25]) / 2;
    }
}
