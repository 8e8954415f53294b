package org.worldbench.report;

import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/**
 * {@code results.csv}: one row per trial and metric (RFC 4180: comma-separated, quoted where needed,
 * CRLF line ends), for spreadsheets and scripts. Numbers in full precision, empty when undefined.
 */
public final class CsvReport {

    static final String HEADER = "run_id,ordinal,benchmark,parameters,status,mode,metric,unit,score,score_error,median,"
            + "samples,baseline_median,change_percent,threshold_percent,verdict,reason";

    private CsvReport() {
    }

    public static String render(RunReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (BenchmarkResult b : report.benchmarks()) {
            if (b.metrics().isEmpty()) {
                row(csv, report.runId(), b.ordinal(), b.name(), b.parameters(), b.status(), b.mode(), "", "", "", "", "", "0", "",
                        "", "", "", b.failure() == null ? "" : b.failure());
            }
            for (MetricResult m : b.metrics()) {
                row(csv, report.runId(), b.ordinal(), b.name(), b.parameters(), b.status(), b.mode(), m.name(), m.unit(),
                        Formats.exact(m.score()), Formats.exact(m.scoreError()), Formats.exact(m.median()),
                        Integer.toString(m.sampleCount()), Formats.exact(m.baselineMedian()), Formats.exact(m.changePercent()),
                        Formats.exact(m.thresholdPercent()), m.verdict() == null ? "" : m.verdict().code(),
                        m.reason() == null ? "" : m.reason());
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells[i] == null ? "" : cells[i].toString()));
        }
        csv.append("\r\n");
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
