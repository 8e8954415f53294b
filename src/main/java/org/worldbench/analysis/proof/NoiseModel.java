package org.worldbench.analysis.proof;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.SplittableRandom;
import org.worldbench.analysis.Medians;
import org.worldbench.analysis.Samples;

/**
 * A generative model of JMH samples: every fork gets a multiplicative offset
 * {@code exp(forkSigma·Z)} (JIT decisions, code layout, memory placement differ per JVM), every
 * iteration a multiplicative noise {@code exp(iterationSigma·Z)}, and with probability
 * {@code outlierRate} an iteration is slowed further by a factor {@code 1 + E}, {@code E} exponential
 * with mean {@code outlierMeanExcess} (a GC, a neighbour on the machine: timings have a long right tail).
 * The population median of a benchmark with median {@code m} is {@code m·(1 + small outlier shift)};
 * scaling {@code m} by a factor scales every sample by it, so the true ratio of two such benchmarks is
 * exactly the factor.
 *
 * @param forkSigma         standard deviation of ln(fork offset)
 * @param iterationSigma    standard deviation of ln(iteration noise)
 * @param outlierRate       probability that an iteration is an outlier
 * @param outlierMeanExcess mean relative excess of an outlier iteration (0.5 = 50% slower on average)
 */
public record NoiseModel(double forkSigma, double iterationSigma, double outlierRate, double outlierMeanExcess) {

    public NoiseModel {
        check("forkSigma", forkSigma, Double.MAX_VALUE);
        check("iterationSigma", iterationSigma, Double.MAX_VALUE);
        check("outlierRate", outlierRate, 1);
        check("outlierMeanExcess", outlierMeanExcess, Double.MAX_VALUE);
    }

    private static void check(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [0, " + max + "], was " + value);
        }
    }

    public NoiseModel withForkSigma(double sigma) {
        return new NoiseModel(sigma, iterationSigma, outlierRate, outlierMeanExcess);
    }

    /** One run's samples of one benchmark: {@code forks × iterations} values around {@code median}. */
    public Samples sample(SplittableRandom random, int forks, int iterations, double median) {
        double[][] values = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double offset = Math.exp(forkSigma * gaussian(random));
            for (int i = 0; i < iterations; i++) {
                double v = median * offset * Math.exp(iterationSigma * gaussian(random));
                if (outlierRate > 0 && random.nextDouble() < outlierRate) {
                    v *= 1 + outlierMeanExcess * -Math.log(1 - random.nextDouble());
                }
                values[f][i] = v;
            }
        }
        return Samples.of(values);
    }

    private static double gaussian(SplittableRandom random) {
        return random.nextGaussian();
    }

    /**
     * Estimates the model from real runs, one {@link Samples} per benchmark, all values positive:
     * <ul>
     *   <li>{@code iterationSigma}: the median over benchmarks of the robust spread (1.4826 × MAD) of
     *       ln(sample) − ln(fork median), pooled within forks, so outliers do not inflate it; divided by
     *       the median of the same estimator on Gaussian forks of the same length (0.746 for 5
     *       iterations: the MAD of a few values is biased low);</li>
     *   <li>{@code outlierRate}, {@code outlierMeanExcess}: share of iterations more than 3 robust
     *       spreads above their fork's median, and their mean relative excess over that median;</li>
     *   <li>{@code forkSigma}: the median over benchmarks with ≥ 2 forks of the robust spread of the
     *       ln(fork medians) (with the same small-sample correction), less the part the iteration noise explains ({@code iterationSigma²·π/(2n)}
     *       for a median of {@code n} iterations), floored at 0; NaN when no benchmark has 2 forks.</li>
     * </ul>
     */
    public static Estimate estimate(List<Samples> benchmarks) {
        double[] iterationSigmas = new double[benchmarks.size()];
        double[] forkSigmas = new double[benchmarks.size()];
        int withForks = 0;
        long iterations = 0;
        long outliers = 0;
        double excessSum = 0;
        for (int b = 0; b < benchmarks.size(); b++) {
            Samples samples = benchmarks.get(b).withoutEmptyForks();
            int forkCount = samples.forkCount();
            double[] forkMedians = new double[forkCount];
            double[] deviations = new double[samples.size()];
            int at = 0;
            int meanLength = samples.size() / Math.max(1, forkCount);
            for (int f = 0; f < forkCount; f++) {
                double[] logs = Arrays.stream(samples.fork(f)).map(Math::log).toArray();
                forkMedians[f] = median(logs.clone());
                for (double v : logs) {
                    deviations[at++] = v - forkMedians[f];
                }
            }
            double sigma = 1.4826 * median(Arrays.stream(deviations).map(Math::abs).toArray())
                    / madConsistency(Math.max(2, meanLength));
            iterationSigmas[b] = sigma;
            for (double d : deviations) {
                iterations++;
                if (sigma > 0 && d > 3 * sigma) {
                    outliers++;
                    excessSum += Math.exp(d) - 1;
                }
            }
            if (forkCount >= 2) {
                double m = median(forkMedians.clone());
                double spread = 1.4826 * median(Arrays.stream(forkMedians).map(v -> Math.abs(v - m)).toArray())
                        / madConsistency(forkCount);
                double explained = sigma * sigma * Math.PI / (2.0 * Math.max(1, meanLength));
                forkSigmas[withForks++] = Math.sqrt(Math.max(0, spread * spread - explained));
            }
        }
        double iterationSigma = median(iterationSigmas);
        double forkSigma = withForks == 0 ? Double.NaN : median(Arrays.copyOf(forkSigmas, withForks));
        double outlierRate = iterations == 0 ? 0 : (double) outliers / iterations;
        double outlierExcess = outliers == 0 ? 0 : excessSum / outliers;
        return new Estimate(benchmarks.size(), withForks, forkSigma, iterationSigma, outlierRate, outlierExcess);
    }

    /**
     * @param benchmarks         benchmarks the estimate used
     * @param benchmarksWithForks of them, those with at least 2 forks (the fork spread needs them)
     * @param forkSigma          NaN when no benchmark had 2 forks
     */
    public record Estimate(int benchmarks, int benchmarksWithForks, double forkSigma, double iterationSigma,
                           double outlierRate, double outlierMeanExcess) {

        /** The model, taking {@code fallbackForkSigma} when the data could not tell the fork spread. */
        public NoiseModel toModel(double fallbackForkSigma) {
            return new NoiseModel(Double.isNaN(forkSigma) ? fallbackForkSigma : forkSigma, iterationSigma,
                    outlierRate, outlierMeanExcess);
        }
    }

    /**
     * Median of 1.4826 × MAD over 20,001 Gaussian samples of {@code m} values with σ = 1 (fixed seed):
     * what the robust spread of a fork of {@code m} iterations reads when the truth is 1.
     */
    static double madConsistency(int m) {
        return MAD_CONSISTENCY.computeIfAbsent(m, NoiseModel::simulateMadConsistency);
    }

    private static final Map<Integer, Double> MAD_CONSISTENCY = new ConcurrentHashMap<>();

    private static double simulateMadConsistency(int m) {
        SplittableRandom random = new SplittableRandom(m);
        double[] estimates = new double[20_001];
        double[] values = new double[m];
        for (int s = 0; s < estimates.length; s++) {
            for (int i = 0; i < m; i++) {
                values[i] = random.nextGaussian();
            }
            double centre = median(values.clone());
            estimates[s] = 1.4826 * median(Arrays.stream(values).map(v -> Math.abs(v - centre)).toArray());
        }
        return median(estimates);
    }

    private static double median(double[] values) {
        return Medians.of(values);
    }
}
