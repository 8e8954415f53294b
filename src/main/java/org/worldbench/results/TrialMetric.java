package org.worldbench.results;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * JMH's aggregate for one metric of a trial; the raw samples are in table {@code sample}, read with
 * {@link RunStore#samples}. Written by {@link RunStore} only.
 */
@Entity
@Table(name = "trial_metric")
public class TrialMetric {

    @Embeddable
    public record Key(@Column(name = "trial_id") Long trialId, @Column(name = "metric", length = 200) String metric)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false, length = 50)
    private String unit;

    @Column
    private Double score;

    /** Half-width of JMH's 99.9% confidence interval. */
    @Column(name = "score_error")
    private Double scoreError;

    @Column
    private Double p0;
    @Column
    private Double p50;
    @Column
    private Double p90;
    @Column
    private Double p95;
    @Column
    private Double p99;
    @Column
    private Double p100;

    @Column(name = "sample_count", nullable = false)
    private int sampleCount;

    protected TrialMetric() {
    }

    public Long getTrialId() { return key.trialId(); }
    public String getMetric() { return key.metric(); }
    public String getUnit() { return unit; }
    public Double getScore() { return score; }
    public Double getScoreError() { return scoreError; }
    public Double getP0() { return p0; }
    public Double getP50() { return p50; }
    public Double getP90() { return p90; }
    public Double getP95() { return p95; }
    public Double getP99() { return p99; }
    public Double getP100() { return p100; }
    public int getSampleCount() { return sampleCount; }
}
