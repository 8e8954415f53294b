-- PostgreSQL does not index foreign-key columns by itself (H2 does), and the job repository looks
-- executions up by these columns on every restart and status query. Explicit indexes give both
-- databases the same, useful set.
CREATE INDEX IX_BATCH_JOB_EXECUTION_INSTANCE ON BATCH_JOB_EXECUTION (JOB_INSTANCE_ID);
CREATE INDEX IX_BATCH_JOB_EXECUTION_PARAMS_EXECUTION ON BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID);
CREATE INDEX IX_BATCH_STEP_EXECUTION_EXECUTION ON BATCH_STEP_EXECUTION (JOB_EXECUTION_ID);
