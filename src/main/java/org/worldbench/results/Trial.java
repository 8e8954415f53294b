package org.worldbench.results;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One benchmark with one parameter combination in one run; its metrics hold the results. */
@Entity
@Table(name = "trial")
public class Trial {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private Long runId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "benchmark_id", nullable = false)
    private Benchmark benchmark;

    /** Position in the run, from 1: the order of measurement. */
    @Column(nullable = false)
    private int ordinal;

    @Column(nullable = false, length = 20)
    private TrialStatus status;

    /** JMH mode label once measured ({@code avgt}, {@code thrpt}, ...). */
    @Column(length = 20)
    private String mode;

    @Column
    private Integer forks;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 4000)
    private String failure;

    protected Trial() {
    }

    public Long getId() { return id; }
    public Long getRunId() { return runId; }
    public Benchmark getBenchmark() { return benchmark; }
    public int getOrdinal() { return ordinal; }
    public TrialStatus getStatus() { return status; }
    public String getMode() { return mode; }
    public Integer getForks() { return forks; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getFailure() { return failure; }
}
