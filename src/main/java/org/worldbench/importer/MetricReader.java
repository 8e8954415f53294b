package org.worldbench.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.worldbench.experiment.jmh.MetricMeasurement;

import tools.jackson.core.JsonToken;

/**
 * Reads one JMH metric object ({@code primaryMetric} or an entry of {@code secondaryMetrics}):
 * score, error, percentiles, unit and the raw samples per fork and iteration, from {@code rawData}
 * or, in sample mode, from {@code rawDataHistogram} (each iteration's sample is then the mean of its
 * histogram, as JMH scores a sample-mode iteration).
 */
final class MetricReader {

    /** JMH's percentile keys for {@link MetricMeasurement#PERCENTILE_LEVELS}. */
    private static final List<String> PERCENTILE_KEYS = List.of("0.0", "50.0", "90.0", "95.0", "99.0", "100.0");
    static final int MAX_UNIT_LENGTH = 50;

    private MetricReader() {
    }

    static MetricMeasurement read(JsonCursor json, String name, ImportLimits limits) {
        JsonCursor.Position at = json.position();
        double[] score = {Double.NaN};
        double[] error = {Double.NaN};
        double[] percentiles = new double[PERCENTILE_KEYS.size()];
        Arrays.fill(percentiles, Double.NaN);
        boolean[] hasPercentiles = {false};
        String[] unit = {null};
        List<double[]> forks = new ArrayList<>();
        boolean[] hasRaw = {false};
        json.fields("a metric object {score, scoreUnit, rawData, ...}", field -> {
            switch (field) {
                case "score" -> score[0] = json.number();
                case "scoreError" -> error[0] = json.number();
                case "scoreUnit" -> {
                    unit[0] = json.text();
                    if (unit[0].isBlank() || unit[0].length() > MAX_UNIT_LENGTH) {
                        throw json.invalid("a unit is 1 to " + MAX_UNIT_LENGTH + " characters, got '" + unit[0] + "'");
                    }
                }
                case "scorePercentiles" -> {
                    hasPercentiles[0] = true;
                    json.fields("an object of percentiles {\"50.0\": value, ...}", level -> {
                        int index = PERCENTILE_KEYS.indexOf(level);
                        double value = json.number();
                        if (index >= 0) {
                            percentiles[index] = value;
                        }
                    });
                }
                case "rawData" -> {
                    if (hasRaw[0]) {
                        throw json.invalid("both rawData and rawDataHistogram: a metric has one or the other");
                    }
                    hasRaw[0] = true;
                    readRawData(json, forks, limits);
                }
                case "rawDataHistogram" -> {
                    if (hasRaw[0]) {
                        throw json.invalid("both rawData and rawDataHistogram: a metric has one or the other");
                    }
                    hasRaw[0] = true;
                    readHistogram(json, forks, limits);
                }
                default -> json.skip(); // scoreConfidence (derived), and fields of later JMH versions
            }
        });
        if (unit[0] == null) {
            throw json.invalidAt(at.child("scoreUnit"), "missing: every metric has a scoreUnit");
        }
        double[][] samples = forks.toArray(double[][]::new);
        if (!hasPercentiles[0]) {
            fillPercentiles(samples, percentiles);
        }
        return new MetricMeasurement(name, unit[0], score[0], error[0], percentiles, samples);
    }

    private static void readRawData(JsonCursor json, List<double[]> forks, ImportLimits limits) {
        int[] total = {0};
        json.elements("rawData: an array of forks, each an array of iteration values", () -> {
            DoubleList iterations = new DoubleList();
            json.elements("one fork's iteration values (an array of numbers)", () -> {
                iterations.add(json.number());
                if (++total[0] > limits.maxSamplesPerMetric()) {
                    throw json.invalid("more than " + limits.maxSamplesPerMetric() + " samples in one metric");
                }
            });
            forks.add(iterations.toArray());
        });
    }

    /** {@code [fork][iteration][[value, count], ...]}: one sample per iteration, the mean of its histogram. */
    private static void readHistogram(JsonCursor json, List<double[]> forks, ImportLimits limits) {
        int[] total = {0};
        json.elements("rawDataHistogram: an array of forks", () -> {
            DoubleList iterations = new DoubleList();
            json.elements("one fork's iterations (an array of histograms)", () -> {
                double[] sum = {0};
                double[] count = {0};
                json.elements("one iteration's histogram: an array of [value, count] pairs", () -> {
                    json.expect(JsonToken.START_ARRAY, "a [value, count] pair");
                    json.next();
                    double value = json.number();
                    json.next();
                    long n = json.integer(0, Long.MAX_VALUE / 2);
                    if (json.next() != JsonToken.END_ARRAY) {
                        throw json.invalid("a histogram entry is a [value, count] pair, got a third element");
                    }
                    sum[0] += value * n;
                    count[0] += n;
                });
                iterations.add(count[0] == 0 ? Double.NaN : sum[0] / count[0]);
                if (++total[0] > limits.maxSamplesPerMetric()) {
                    throw json.invalid("more than " + limits.maxSamplesPerMetric() + " samples in one metric");
                }
            });
            forks.add(iterations.toArray());
        });
    }

    /** A growing {@code double[]}: one fork's samples without boxing each value (imports read millions). */
    private static final class DoubleList {
        private double[] values = new double[8];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** When a file has no percentiles: the same levels over the pooled samples (nearest rank). */
    static void fillPercentiles(double[][] samples, double[] percentiles) {
        double[] pooled = Arrays.stream(samples).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        if (pooled.length == 0) {
            return;
        }
        for (int i = 0; i < percentiles.length; i++) {
            double level = MetricMeasurement.PERCENTILE_LEVELS[i];
            percentiles[i] = level == 50 ? median(pooled)
                    : pooled[(int) Math.min(pooled.length - 1, Math.max(0, Math.ceil(level / 100 * pooled.length) - 1))];
        }
    }

    /** Median of sorted values. */
    static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
