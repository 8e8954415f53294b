package org.worldbench.report.engines;

import java.util.List;
import java.util.Locale;

import org.worldbench.report.engines.EngineComparison.Row;

/**
 * The files of an engine comparison: {@code index.html} (self-contained, with a chart of every ratio
 * and its interval on a log scale), {@code summary.md}, {@code results.csv} and {@code results.json}.
 * Each says first that the engines differ and that the table holds ratios, not verdicts.
 */
final class EngineComparisonReports {

    private EngineComparisonReports() {
    }

    static String statement(EngineComparison c) {
        return "Two different engines, " + c.engineA() + " (run " + c.runA().runId() + ") and " + c.engineB() + " (run "
                + c.runB().runId() + "), on the same workloads. Each ratio is " + c.engineA() + "'s median time per operation"
                + " divided by " + c.engineB() + "'s (below 1: " + c.engineA() + " is faster), with a "
                + Math.round(c.level() * 100) + "% bootstrap interval. No regression verdicts: the engines differ, so nothing"
                + " here is better or worse than a baseline.";
    }

    static String markdown(EngineComparison c) {
        StringBuilder md = new StringBuilder();
        md.append("## worldbench: ").append(c.engineA()).append(" vs ").append(c.engineB()).append("\n\n")
                .append(statement(c)).append("\n\n")
                .append("Run ").append(c.runA().runId()).append(" (").append(c.runA().experiment()).append(", ")
                .append(c.runA().origin()).append("): ").append(c.runA().machine()).append("  \n")
                .append("Run ").append(c.runB().runId()).append(" (").append(c.runB().experiment()).append(", ")
                .append(c.runB().origin()).append("): ").append(c.runB().machine()).append("\n\n")
                .append("| workload | ").append(c.engineA()).append(" | ").append(c.engineB()).append(" | ")
                .append(c.engineA()).append(" / ").append(c.engineB()).append(" | ").append(Math.round(c.level() * 100))
                .append("% interval |\n|---|---:|---:|---:|---|\n");
        for (Row r : c.rows()) {
            md.append("| ").append(cell(r.workload())).append(" | ").append(time(r.medianA())).append(" | ")
                    .append(time(r.medianB())).append(" | ").append(r.hasRatio() ? ratio(r.ratio()) : "–").append(" | ")
                    .append(r.hasRatio() ? "[" + ratio(r.low()) + ", " + ratio(r.high()) + "]" : cell(r.note())).append(" |\n");
        }
        md.append("\n<sub>Times are medians per operation over every sample (").append(c.engineA()).append(": `")
                .append(cell(String.join("`, `", c.rows().stream().map(Row::a).toList()))).append("`). Generated ")
                .append(c.generatedAt()).append(".</sub>\n");
        return md.toString();
    }

    static String csv(EngineComparison c) {
        StringBuilder csv = new StringBuilder("workload,benchmark_a,benchmark_b,median_a_ns,median_b_ns,samples_a,samples_b,"
                + "ratio,ratio_low,ratio_high,confidence_level,note\r\n");
        for (Row r : c.rows()) {
            csv.append(String.join(",", quote(r.workload()), quote(r.a()), quote(r.b()), exact(r.medianA()), exact(r.medianB()),
                    Integer.toString(r.samplesA()), Integer.toString(r.samplesB()), exact(r.ratio()), exact(r.low()),
                    exact(r.high()), Double.toString(c.level()), quote(r.note()))).append("\r\n");
        }
        return csv.toString();
    }

    static String json(EngineComparison c) {
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"format\": \"worldbench-engines/1\",\n");
        j.append("  \"statement\": ").append(str(statement(c))).append(",\n");
        j.append("  \"verdicts\": false,\n");
        j.append("  \"confidenceLevel\": ").append(c.level()).append(",\n");
        j.append("  \"unit\": \"ns/op\",\n");
        j.append("  \"generatedAt\": ").append(str(c.generatedAt().toString())).append(",\n");
        for (String side : List.of("a", "b")) {
            EngineComparison.RunSide run = side.equals("a") ? c.runA() : c.runB();
            j.append("  \"").append(side).append("\": {\"engine\": ").append(str(side.equals("a") ? c.engineA() : c.engineB()))
                    .append(", \"runId\": ").append(run.runId()).append(", \"experiment\": ").append(str(run.experiment()))
                    .append(", \"origin\": ").append(str(run.origin())).append(", \"machine\": ").append(str(run.machine()))
                    .append("},\n");
        }
        j.append("  \"pairs\": [");
        for (int i = 0; i < c.rows().size(); i++) {
            Row r = c.rows().get(i);
            j.append(i == 0 ? "\n" : ",\n").append("    {\"workload\": ").append(str(r.workload())).append(", \"a\": ")
                    .append(str(r.a())).append(", \"b\": ").append(str(r.b())).append(", \"medianA\": ").append(num(r.medianA()))
                    .append(", \"medianB\": ").append(num(r.medianB())).append(", \"samplesA\": ").append(r.samplesA())
                    .append(", \"samplesB\": ").append(r.samplesB()).append(", \"ratio\": ").append(num(r.ratio()))
                    .append(", \"low\": ").append(num(r.low())).append(", \"high\": ").append(num(r.high()))
                    .append(", \"note\": ").append(str(r.note())).append("}");
        }
        return j.append("\n  ]\n}\n").toString();
    }

    static String html(EngineComparison c) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(esc(c.engineA() + " vs " + c.engineB())).append("</title>\n<style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1d2330;padding:0 1em}")
                .append("table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #e4e6ee;text-align:left}")
                .append("th{background:#f4f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums}.note{color:#667;font-size:12px}")
                .append(".statement{background:#eef3fd;border-left:4px solid #1a73e8;padding:8px 12px}")
                .append("</style>\n</head>\n<body>\n<h1>").append(esc(c.engineA() + " vs " + c.engineB())).append("</h1>\n")
                .append("<p class=\"statement\">").append(esc(statement(c))).append("</p>\n<p class=\"note\">")
                .append(esc("Run " + c.runA().runId() + " (" + c.runA().experiment() + ", " + c.runA().origin() + "): "
                        + c.runA().machine())).append("<br/>")
                .append(esc("Run " + c.runB().runId() + " (" + c.runB().experiment() + ", " + c.runB().origin() + "): "
                        + c.runB().machine())).append("</p>\n<h2>Ratios</h2>\n");
        chart(h, c);
        h.append("<h2>Table</h2>\n<table>\n<thead><tr><th>workload</th><th>").append(esc(c.engineA())).append("</th><th>")
                .append(esc(c.engineB())).append("</th><th>median ").append(esc(c.engineA())).append("</th><th>median ")
                .append(esc(c.engineB())).append("</th><th>ratio</th><th>").append(Math.round(c.level() * 100))
                .append("% interval</th><th>note</th></tr></thead>\n<tbody>\n");
        for (Row r : c.rows()) {
            h.append("<tr><td>").append(esc(r.workload())).append("</td><td><code>").append(esc(r.a())).append("</code></td><td><code>")
                    .append(esc(r.b())).append("</code></td><td class=\"num\">").append(esc(time(r.medianA())))
                    .append("</td><td class=\"num\">").append(esc(time(r.medianB()))).append("</td><td class=\"num\">")
                    .append(r.hasRatio() ? esc(ratio(r.ratio())) : "–").append("</td><td class=\"num\">")
                    .append(r.hasRatio() ? esc("[" + ratio(r.low()) + ", " + ratio(r.high()) + "]") : "–").append("</td><td>")
                    .append(esc(r.note())).append("</td></tr>\n");
        }
        return h.append("</tbody>\n</table>\n<p class=\"note\">Generated ").append(esc(c.generatedAt().toString()))
                .append(" by worldbench compare-engines. Machine-readable: results.json, results.csv.</p>\n</body>\n</html>\n")
                .toString();
    }

    /** Each ratio as a dot with its interval as a bar, on a log scale centred on 1 (equal times). */
    private static void chart(StringBuilder h, EngineComparison c) {
        List<Row> rows = c.rows().stream().filter(Row::hasRatio).toList();
        if (rows.isEmpty()) {
            h.append("<p class=\"note\">No pair has samples on both sides.</p>\n");
            return;
        }
        double span = 1;
        for (Row r : rows) {
            span = Math.max(span, Math.max(Math.abs(Math.log10(r.low())), Math.abs(Math.log10(r.high()))) * 1.1);
        }
        int label = 300;
        int plot = 600;
        int row = 20;
        int height = rows.size() * row + 34;
        double centre = label + plot / 2.0;
        double scale = plot / 2.0 / span;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(label + plot + 80).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"ratios\">\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = 10 + i * row + row / 2.0;
            double x = centre + Math.log10(r.ratio()) * scale;
            double x0 = centre + Math.log10(r.low()) * scale;
            double x1 = centre + Math.log10(r.high()) * scale;
            String colour = r.high() < 1 ? "#1a73e8" : r.low() > 1 ? "#e37400" : "#8a94a6";
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    label - 6, y + 4, esc(shorten(r.workload(), 46))));
            h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    x0, y, Math.max(x1, x0 + 1), y, colour));
            h.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", x, y, colour));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\">%s</text>%n", label + plot + 6, y + 4,
                    esc(ratio(r.ratio()))));
        }
        h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n", centre, centre,
                height - 20));
        h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">1 (equal)</text>%n",
                centre, height - 6));
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>%n", label, height - 6,
                esc(ratio(Math.pow(10, -span)) + " (" + c.engineA() + " faster)")));
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>%n", label + plot,
                height - 6, esc(ratio(Math.pow(10, span)) + " (" + c.engineB() + " faster)")));
        h.append("</svg>\n");
    }

    /** Nanoseconds in the largest unit that keeps the number at or above 1. */
    static String time(double nanos) {
        if (Double.isNaN(nanos)) {
            return "–";
        }
        if (nanos >= 1e9) {
            return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
        }
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
        }
        if (nanos >= 1e3) {
            return String.format(Locale.ROOT, "%.3g µs", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g ns", nanos);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String exact(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static String num(double value) {
        return Double.isNaN(value) ? "null" : Double.toString(value);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String str(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return s.append('"').toString();
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
