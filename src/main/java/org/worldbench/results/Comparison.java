package org.worldbench.results;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.worldbench.analysis.Verdict;

/**
 * The stored verdict on one metric of one benchmark of a run against its baseline: the judged
 * {@link org.worldbench.analysis.Comparison} with its statistics, where the baseline came from and
 * what the benchmark's history says. Every statistic is null when the input was degenerate.
 */
@Entity
@Table(name = "comparison")
public class Comparison {

    /** Longest reason stored; the column is VARCHAR(4000). */
    public static final int REASON_LENGTH = 4000;

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

    /** The newest run of the baseline (the only one except for a rolling baseline). */
    @Column(name = "baseline_run_id")
    private Long baselineRunId;

    /** Every run whose samples made the baseline. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "comparison_baseline_run", joinColumns = @JoinColumn(name = "comparison_id"))
    @Column(name = "baseline_run_id", nullable = false)
    private Set<Long> baselineRunIds = new TreeSet<>();

    /** {@code named}, {@code latest} or {@code rolling}; null when there was no baseline. */
    @Column(name = "baseline_mode", length = 20)
    private String baselineMode;

    @Column(name = "machine_forced", nullable = false)
    private boolean machineForced;

    @Column(name = "trial_median")
    private Double trialMedian;

    @Column(name = "baseline_median")
    private Double baselineMedian;

    /** {@code ratio} (trial / baseline median) or {@code difference} (trial − baseline, bytes per op from zero). */
    @Column(name = "effect_scale", length = 20)
    private String effectScale;

    /** Point estimate on the ratio scale; null on the difference scale. */
    @Column
    private Double ratio;

    @Column(name = "change_percent")
    private Double changePercent;

    @Column(name = "ci_low")
    private Double ciLow;

    @Column(name = "ci_high")
    private Double ciHigh;

    @Column(name = "confidence_level")
    private Double confidenceLevel;

    @Column(name = "p_value")
    private Double pValue;

    @Column(name = "adjusted_p_value")
    private Double adjustedPValue;

    /** {@code lower-is-better} or {@code higher-is-better}; null when neither the unit nor the spec says. */
    @Column(length = 20)
    private String direction;

    /** The minimum effect that applied, in percent. */
    @Column(name = "threshold_percent", nullable = false)
    private double thresholdPercent;

    @Column(nullable = false, length = 20)
    private Verdict verdict;

    @Column(nullable = false, length = REASON_LENGTH)
    private String reason;

    /** {@code too-short}, {@code steady}, {@code new-step}, {@code unconfirmed-deviation}; null without history. */
    @Column(name = "history_status", length = 30)
    private String historyStatus;

    protected Comparison() {
    }

    /**
     * @param runId         the judged run
     * @param benchmark     the benchmark compared
     * @param judged        the verdict with its statistics
     * @param baselineRuns  the runs whose samples made the baseline (empty without a baseline)
     * @param baselineMode  how they were chosen, or null
     * @param machineForced the baseline was measured on another machine and the comparison was forced
     */
    public Comparison(Long runId, Benchmark benchmark, org.worldbench.analysis.Comparison judged,
            Collection<Long> baselineRuns, String baselineMode, boolean machineForced) {
        this.runId = runId;
        this.benchmark = benchmark;
        this.metric = judged.metric();
        this.unit = judged.unit();
        this.baselineRunIds = new TreeSet<>(baselineRuns);
        this.baselineRunId = baselineRunIds.isEmpty() ? null : ((TreeSet<Long>) baselineRunIds).last();
        this.baselineMode = baselineRunIds.isEmpty() ? null : baselineMode;
        this.machineForced = machineForced;
        this.trialMedian = finite(judged.trial().median());
        this.baselineMedian = judged.baseline().map(b -> finite(b.median())).orElse(null);
        judged.effect().ifPresent(e -> {
            this.effectScale = e.scale().name().toLowerCase(java.util.Locale.ROOT);
            this.ciLow = finite(e.low());
            this.ciHigh = finite(e.high());
            this.confidenceLevel = e.confidenceLevel();
        });
        // The plain ratio of medians whenever both exist, so reports can show it for degenerate cases too.
        double plainRatio = baselineMedian == null || trialMedian == null || baselineMedian == 0 ? Double.NaN
                : trialMedian / baselineMedian;
        this.ratio = judged.effect().filter(e -> e.scale() == org.worldbench.analysis.Effect.Scale.RATIO)
                .map(e -> finite(e.estimate())).orElse(finite(plainRatio));
        this.changePercent = ratio == null ? null : (ratio - 1) * 100;
        this.pValue = finite(judged.pValue());
        this.adjustedPValue = finite(judged.adjustedPValue());
        this.direction = judged.direction().map(org.worldbench.analysis.Direction::code).orElse(null);
        this.thresholdPercent = judged.minimumEffect() * 100;
        this.verdict = judged.verdict();
        this.reason = truncate(judged.reason());
    }

    /** Adds what the benchmark's history says about this run. */
    public void setHistory(String status, String note) {
        this.historyStatus = status;
        if (note != null && !note.isEmpty()) {
            this.reason = truncate(reason + "; history: " + note);
        }
    }

    private static String truncate(String text) {
        return text.length() > REASON_LENGTH ? text.substring(0, REASON_LENGTH - 1) + "…" : text;
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
    public Set<Long> getBaselineRunIds() { return baselineRunIds; }
    public String getBaselineMode() { return baselineMode; }
    public boolean isMachineForced() { return machineForced; }
    public Double getTrialMedian() { return trialMedian; }
    public Double getBaselineMedian() { return baselineMedian; }
    public String getEffectScale() { return effectScale; }
    public Double getRatio() { return ratio; }
    public Double getChangePercent() { return changePercent; }
    public Double getCiLow() { return ciLow; }
    public Double getCiHigh() { return ciHigh; }
    public Double getConfidenceLevel() { return confidenceLevel; }
    public Double getPValue() { return pValue; }
    public Double getAdjustedPValue() { return adjustedPValue; }
    public String getDirection() { return direction; }
    public double getThresholdPercent() { return thresholdPercent; }
    public Verdict getVerdict() { return verdict; }
    public String getReason() { return reason; }
    public String getHistoryStatus() { return historyStatus; }
}
