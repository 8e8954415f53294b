-- The import's write path (100,000 trials, 200,000 metrics, 600,000 samples for a big JMH file) paid for
-- one foreign key check per metric row, and for an index kept only for that key. Same SQL on H2 and
-- PostgreSQL.
--
-- fk_trial_metric_trial: dropped on purpose, as sample never had one (V3). Its check ran once per metric
-- row, a trigger and an index probe each: with its index about 1.1 s of a 100,000-result import on
-- PostgreSQL (200,000 metric rows took 1.8-2.8 s with the key, 0.7-0.9 s without, on the shared 2-core
-- VM). Rows are written only by RunStore's writers (ResultBatchWriter, FinishedTrialWriter,
-- TrialForkWriter), each with trial ids it read back in the transaction that created or holds the trial,
-- and no code deletes trials.
-- ix_trial_metric_trial (trial_id): the key's index; H2 needs an index of exactly a key's columns, which
-- is why it was there. Queries still reach a trial's metrics through the primary key (trial_id, metric).
-- (ix_trial_run stays for the same reason: H2 gives the key to run an index of exactly (run_id).)
ALTER TABLE trial_metric DROP CONSTRAINT fk_trial_metric_trial;
DROP INDEX ix_trial_metric_trial;
