package org.worldbench.report;

/**
 * Published by {@link ReportService#write} once every file of a run's report is in place, with the
 * report it was built from: a listener in the same process (the command line's verdict table) can
 * use it instead of reading the whole run from the database a second time.
 */
public record ReportWritten(RunReport report) {
}
