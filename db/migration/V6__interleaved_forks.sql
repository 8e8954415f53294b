-- Interleaved measurement (jmh.order: interleaved, docs/experiments.md "Order of measurement"): a trial's
-- forks are measured one per round, spread over the whole run, so each fork is stored as soon as it ends.
-- These two tables hold the forks of trials that are still being measured. A fork's row and its samples
-- commit together; the trial's last fork moves everything into trial_metric and sample (written exactly as
-- for a trial measured in one go, so sample.fork is the fork's index in the trial) and deletes the trial's
-- rows here, in the same transaction. What is read as results (trial_metric, sample) is therefore always
-- a complete trial. A trial that fails keeps the forks it had here (like its failure reason); nothing reads
-- them as results. Same SQL on H2 and PostgreSQL.
CREATE TABLE trial_fork (
    trial_id    BIGINT      NOT NULL,
    fork        INTEGER     NOT NULL, -- index in the trial, from 0 as in sample.fork: measured in round fork + 1
    mode        VARCHAR(20) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (trial_id, fork)
);
CREATE INDEX ix_trial_fork_trial ON trial_fork (trial_id);

-- Every raw iteration sample of a stored fork, with its metric's unit (the trial_metric row is written
-- only when the trial is complete). No foreign key, like sample: rows are written only with their fork.
CREATE TABLE trial_fork_sample (
    trial_id     BIGINT       NOT NULL,
    fork         INTEGER      NOT NULL,
    metric       VARCHAR(200) NOT NULL,
    unit         VARCHAR(50)  NOT NULL,
    iteration    INTEGER      NOT NULL,
    sample_value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (trial_id, fork, metric, iteration)
);

ALTER TABLE trial_fork ADD CONSTRAINT fk_trial_fork_trial FOREIGN KEY (trial_id) REFERENCES trial (id);
