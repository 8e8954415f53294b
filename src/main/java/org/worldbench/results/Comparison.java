package org.worldbench.results;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.worldbench.experiment.compare.ComparisonOutcome;
import org.worldbench.experiment.compare.Verdict;

/** The verdict on one metric of one benchmark of a run against its baseline run. */
@Entity
@Table(name = "comparison")
public class Comparison {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private Long runId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "benchmark_id", nullable = false)
    private Benchmark benchmark;

    @Column(nullable = false, length = 200)
    private String metric;

    @Column(nullable = false, length = 50)
    private String unit;

    @Column(name = "baseline_run_id")
    private Long baselineRunId;

    @Column(name = "trial_median")
    private Double trialMedian;

    @Column(name = "baseline_median")
    private Double baselineMedian;

    @Column
    private Double ratio;

    @Column(name = "change_percent")
    private Double changePercent;

    @Column(name = "threshold_percent", nullable = false)
    private double thresholdPercent;

    @Column(nullable = false, length = 20)
    private Verdict verdict;

    @Column(nullable = false, length = 1000)
    private String reason;

    protected Comparison() {
    }

    public Comparison(Long runId, Benchmark benchmark, String metric, String unit, Long baselineRunId,
            double thresholdPercent, ComparisonOutcome outcome) {
        this.runId = runId;
        this.benchmark = benchmark;
        this.metric = metric;
        this.unit = unit;
        this.baselineRunId = baselineRunId;
        this.thresholdPercent = thresholdPercent;
        this.trialMedian = finite(outcome.trialMedian());
        this.baselineMedian = finite(outcome.baselineMedian());
        this.ratio = finite(outcome.ratio());
        this.changePercent = finite(outcome.changePercent());
        this.verdict = outcome.verdict();
        this.reason = outcome.reason().length() > 1000 ? outcome.reason().substring(0, 1000) : outcome.reason();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    public Long getId() { return id; }
    public Long getRunId() { return runId; }
    public Benchmark getBenchmark() { return benchmark; }
    public String getMetric() { return metric; }
    public String getUnit() { return unit; }
    public Long getBaselineRunId() { return baselineRunId; }
    public Double getTrialMedian() { return trialMedian; }
    public Double getBaselineMedian() { return baselineMedian; }
    public Double getRatio() { return ratio; }
    public Double getChangePercent() { return changePercent; }
    public double getThresholdPercent() { return thresholdPercent; }
    public Verdict getVerdict() { return verdict; }
    public String getReason() { return reason; }
}
