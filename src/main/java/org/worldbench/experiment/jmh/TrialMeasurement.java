package org.worldbench.experiment.jmh;

import java.time.Instant;
import java.util.List;

/**
 * What JMH measured for one trial.
 *
 * @param mode     JMH mode label ({@code avgt}, {@code thrpt}, {@code sample}, {@code ss})
 * @param forks    number of forks that produced samples
 * @param started  when the first fork was launched
 * @param finished when the last fork ended
 * @param metrics  the primary metric first, then secondary metrics sorted by name
 */
public record TrialMeasurement(String mode, int forks, Instant started, Instant finished, List<MetricMeasurement> metrics) {

    public TrialMeasurement {
        metrics = List.copyOf(metrics);
    }

    public MetricMeasurement primary() {
        return metrics.getFirst();
    }
}
