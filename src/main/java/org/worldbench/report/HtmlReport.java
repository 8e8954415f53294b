package org.worldbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.worldbench.analysis.Verdict;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/**
 * {@code index.html}: one self-contained page (inline CSS and SVG, no script, no external resource)
 * that opens from disk. It shows the run's identity, a chart of each benchmark's change against the
 * baseline with the threshold band, the result table, and for every benchmark the raw samples of
 * each fork beside the baseline's, so noise and bimodal forks are visible at a glance.
 *
 * <p>Written as well-formed XML (polyglot HTML5), so any XML parser can check it.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1200px;color:#1d2330;padding:0 1em}
            h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #dde;padding-bottom:.2em}
            table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #e4e6ee;text-align:left;vertical-align:top}
            th{background:#f4f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
            .badge{display:inline-block;padding:2px 10px;border-radius:10px;margin-right:6px;font-weight:600;font-size:13px}
            .regressed{background:#fde2e1;color:#a1160a}.improved{background:#dff5e3;color:#14692b}.unchanged{background:#eef0f5;color:#444}
            .inconclusive{background:#fff4d6;color:#7a5600}.failed{background:#1d2330;color:#fff}
            dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:0}dt{color:#667}dd{margin:0}
            .samples{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:12px}
            figure{margin:0;border:1px solid #e4e6ee;border-radius:6px;padding:8px}figcaption{font-size:12px;margin-bottom:4px}
            .note{color:#667;font-size:12px}
            .warning{background:#fde2e1;color:#a1160a;border:2px solid #a1160a;border-radius:6px;padding:8px 12px;font-weight:600}
            """;

    private HtmlReport() {
    }

    public static String render(RunReport r) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>").append(esc("worldbench · " + r.experiment() + " · run " + r.runId())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(r.experiment())).append(" — run ").append(r.runId()).append("</h1>\n");
        if (!r.description().isBlank()) {
            h.append("<p>").append(esc(r.description())).append("</p>\n");
        }
        h.append("<p>");
        badge(h, "regressed", r.count(Verdict.REGRESSED) + " regressed");
        badge(h, "improved", r.count(Verdict.IMPROVED) + " improved");
        badge(h, "unchanged", r.count(Verdict.UNCHANGED) + " unchanged");
        badge(h, "inconclusive", r.count(Verdict.INCONCLUSIVE) + " inconclusive");
        if (r.failedTrials() > 0) {
            badge(h, "failed", r.failedTrials() + " failed trial(s)");
        }
        h.append("</p>\n");
        if (r.machineForced()) {
            h.append("<p class=\"warning\">⚠ Compared across machines because it was forced: the baseline was measured on"
                    + " another machine, so differences may be the machines', not the code's.</p>\n");
        } else if (r.machineRefused()) {
            h.append("<p class=\"warning\">⚠ Baseline refused: it was measured on another machine, so nothing was compared"
                    + " (force with worldbench run --force-machine).</p>\n");
        }
        h.append("<dl>\n");
        item(h, "status", r.status());
        item(h, "machine", r.machine());
        item(h, "fingerprint", r.fingerprint());
        item(h, "baseline", r.baselineNote() == null ? "none" : r.baselineNote());
        item(h, "revision", (r.gitCommit() == null ? "?" : r.gitCommit()) + " on " + (r.gitBranch() == null ? "?" : r.gitBranch()));
        item(h, "started", String.valueOf(r.startedAt()));
        item(h, "finished", String.valueOf(r.finishedAt()));
        if (!r.tags().isEmpty()) {
            item(h, "tags", String.join(", ", new TreeMap<>(r.tags()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        item(h, "verdicts", r.method());
        h.append("</dl>\n");

        h.append("<h2>Change against the baseline</h2>\n<p class=\"note\">Change of each benchmark's median; the grey band is its"
                + " threshold; red is worse, green better (lower time or bytes per op, higher throughput).</p>\n");
        changeChart(h, r);

        h.append("<h2>Results</h2>\n<table>\n<thead><tr><th>#</th><th>benchmark</th><th>mode</th><th>score</th><th>unit</th>")
                .append("<th>median</th><th>baseline median</th><th>change</th><th>heap B/op</th><th>verdict</th><th>reason</th></tr></thead>\n<tbody id=\"results\">\n");
        for (BenchmarkResult b : r.benchmarks()) {
            MetricResult p = b.metric(MetricMeasurement.PRIMARY);
            MetricResult heap = b.metric(MetricMeasurement.GC_ALLOC_RATE_NORM);
            h.append("<tr><td class=\"num\">").append(b.ordinal()).append("</td><td><code>").append(esc(b.label())).append("</code></td><td>")
                    .append(esc(b.mode() == null ? "–" : b.mode())).append("</td>");
            if (p == null) {
                h.append("<td colspan=\"6\"></td><td><span class=\"badge failed\">").append(esc(b.status())).append("</span></td><td>")
                        .append(esc(b.failure() == null ? "" : b.failure())).append("</td></tr>\n");
                continue;
            }
            h.append(num(Formats.number(p.score()) + (Double.isNaN(p.scoreError()) ? "" : " ± " + Formats.number(p.scoreError()))))
                    .append("<td>").append(esc(p.unit())).append("</td>").append(num(Formats.number(p.median())))
                    .append(num(Formats.number(p.baselineMedian()))).append(num(Formats.percent(p.changePercent()) + interval(p)))
                    .append(num(heap == null ? "–" : Formats.number(heap.median()))).append("<td>");
            Verdict v = b.verdict();
            h.append("<span class=\"badge ").append(v == null ? "unchanged" : v.code()).append("\">").append(Formats.verdict(v)).append("</span></td><td>");
            List<String> reasons = new ArrayList<>();
            for (MetricResult m : b.metrics()) {
                if (m.reason() != null) {
                    reasons.add((m.name().equals(MetricMeasurement.PRIMARY) ? "" : m.name() + ": ") + m.reason());
                }
            }
            h.append(esc(String.join("; ", reasons))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");

        history(h, r);

        h.append("<h2>Raw samples per fork</h2>\n<p class=\"note\">Each dot is one measured iteration; each row one forked JVM. ")
                .append("Blue: this run; grey: the baseline. The line marks the median.</p>\n<div class=\"samples\">\n");
        for (BenchmarkResult b : r.benchmarks()) {
            MetricResult p = b.metric(MetricMeasurement.PRIMARY);
            if (p != null && p.sampleCount() > 0) {
                h.append("<figure><figcaption><code>").append(esc(b.label())).append("</code> · ").append(esc(p.unit()))
                        .append("</figcaption>\n");
                stripPlot(h, p);
                h.append("</figure>\n");
            }
        }
        h.append("</div>\n<p class=\"note\">Generated ").append(esc(String.valueOf(r.generatedAt())))
                .append(" by worldbench. Machine-readable: results.json, results.csv, junit.xml.</p>\n</body>\n</html>\n");
        return h.toString();
    }

    /** " [low, high]" of the ratio's interval in percent; empty when there is none. */
    private static String interval(MetricResult m) {
        RunReport.Statistics st = m.statistics();
        if (!"ratio".equals(st.effectScale()) || Double.isNaN(st.ciLow())) {
            return "";
        }
        return String.format(Locale.ROOT, " [%+.1f, %+.1f]", (st.ciLow() - 1) * 100, (st.ciHigh() - 1) * 100);
    }

    /** Each compared metric's place in its history: status and the change points found. */
    private static void history(StringBuilder h, RunReport r) {
        h.append("<h2>History</h2>\n<p class=\"note\">E-divisive change points over the per-run medians of each benchmark"
                + " metric on this machine (docs/verdicts.md). new-step: this run starts a new level; unconfirmed-deviation:"
                + " outside the current level's range but no step yet (may be noise).</p>\n");
        h.append("<table>\n<thead><tr><th>benchmark</th><th>metric</th><th>history</th><th>change points (first run at the new level:"
                + " step, p)</th></tr></thead>\n<tbody>\n");
        int rows = 0;
        for (BenchmarkResult b : r.benchmarks()) {
            for (MetricResult m : b.metrics()) {
                RunReport.Statistics st = m.statistics();
                if (st.historyStatus() == null) {
                    continue;
                }
                rows++;
                List<String> steps = st.changePoints().stream().map(cp -> String.format(Locale.ROOT, "run %d: %+.1f%% (p = %.3f)",
                        cp.runId(), cp.relativeChange() * 100, cp.pValue())).toList();
                h.append("<tr><td><code>").append(esc(b.label())).append("</code></td><td>").append(esc(m.name()))
                        .append("</td><td>").append(esc(st.historyStatus())).append("</td><td>")
                        .append(esc(steps.isEmpty() ? "none" : String.join("; ", steps))).append("</td></tr>\n");
            }
        }
        if (rows == 0) {
            h.append("<tr><td colspan=\"4\">no history yet</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Horizontal bars of the primary metric's change, threshold band shaded, coloured by verdict. */
    private static void changeChart(StringBuilder h, RunReport r) {
        List<BenchmarkResult> compared = r.benchmarks().stream()
                .filter(b -> b.metric(MetricMeasurement.PRIMARY) != null && !Double.isNaN(b.metric(MetricMeasurement.PRIMARY).changePercent()))
                .toList();
        if (compared.isEmpty()) {
            h.append("<p class=\"note\">Nothing to chart: ").append(esc(r.baselineNote() == null ? "no baseline" : r.baselineNote()))
                    .append("</p>\n");
            return;
        }
        double limit = 1;
        for (BenchmarkResult b : compared) {
            MetricResult p = b.metric(MetricMeasurement.PRIMARY);
            limit = Math.max(limit, Math.max(Math.abs(p.changePercent()), p.thresholdPercent()) * 1.15);
        }
        int labelWidth = 320;
        int plotWidth = 560;
        int row = 22;
        int height = compared.size() * row + 30;
        double zero = labelWidth + plotWidth / 2.0;
        double scale = plotWidth / 2.0 / limit;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + plotWidth + 70).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"change against baseline\">\n");
        for (int i = 0; i < compared.size(); i++) {
            MetricResult p = compared.get(i).metric(MetricMeasurement.PRIMARY);
            double y = 10 + i * row;
            double t = p.thresholdPercent() * scale;
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"#eef0f5\"/>%n",
                    zero - t, y, 2 * t, row - 4));
            double w = p.changePercent() * scale;
            String colour = switch (p.verdict() == null ? Verdict.INCONCLUSIVE : p.verdict()) {
                case REGRESSED -> "#d93025";
                case IMPROVED -> "#1e8e3e";
                case UNCHANGED -> "#8a94a6";
                case INCONCLUSIVE -> "#e0a800";
            };
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    Math.min(zero, zero + w), y + 3, Math.max(1, Math.abs(w)), row - 10, colour));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    labelWidth - 6, y + 12, esc(shorten(compared.get(i).label(), 48))));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>%n",
                    labelWidth + plotWidth + 4.0, y + 12, esc(Formats.percent(p.changePercent()))));
        }
        h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"5\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n", zero, zero, height - 18));
        h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">0%%</text>%n", zero, height - 5));
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>%n", labelWidth, height - 5,
                esc(Formats.percent(-limit) + " (lower)")));
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>%n",
                labelWidth + plotWidth, height - 5, esc(Formats.percent(limit) + " (higher)")));
        h.append("</svg>\n");
    }

    /** One row of dots per fork; baseline forks above this run's. */
    private static void stripPlot(StringBuilder h, MetricResult p) {
        double[][] own = p.samples();
        double[][] base = p.baselineSamples() == null ? new double[0][] : p.baselineSamples();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[][] set : List.of(own, base)) {
            for (double v : Arrays.stream(set).flatMapToDouble(Arrays::stream).filter(Double::isFinite).toArray()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!Double.isFinite(min)) {
            h.append("<p class=\"note\">no finite samples</p>\n");
            return;
        }
        double span = max > min ? max - min : Math.max(Math.abs(max), 1) * 0.01;
        min -= span * 0.05;
        max += span * 0.05;
        int width = 340;
        int left = 60;
        int rowHeight = 14;
        int rows = base.length + own.length;
        int height = rows * rowHeight + 28;
        double scale = (width - left - 10) / (max - min);
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"raw samples\">\n");
        int row = 0;
        for (int f = 0; f < base.length; f++, row++) {
            forkRow(h, base[f], "baseline " + (f + 1), "#9aa3b2", row, rowHeight, left, min, scale);
        }
        for (int f = 0; f < own.length; f++, row++) {
            forkRow(h, own[f], "fork " + (f + 1), "#1a73e8", row, rowHeight, left, min, scale);
        }
        double median = p.median();
        if (Double.isFinite(median)) {
            double x = left + (median - min) * scale;
            h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1a73e8\" stroke-dasharray=\"3,2\"/>%n",
                    x, x, rows * rowHeight + 4));
        }
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>%n", left, height - 6, esc(Formats.number(min))));
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>%n", width - 10,
                height - 6, esc(Formats.number(max))));
        h.append("</svg>\n");
    }

    private static void forkRow(StringBuilder h, double[] values, String label, String colour, int row, int rowHeight, int left,
            double min, double scale) {
        double y = row * rowHeight + rowHeight / 2.0 + 2;
        h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%.1f\" font-size=\"9\" fill=\"#667\">%s</text>%n", y + 3, esc(label)));
        for (double v : values) {
            if (Double.isFinite(v)) {
                h.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" fill-opacity=\"0.7\"/>%n",
                        left + (v - min) * scale, y, colour));
            }
        }
    }

    private static void badge(StringBuilder h, String kind, String text) {
        h.append("<span class=\"badge ").append(kind).append("\">").append(esc(text)).append("</span>");
    }

    private static void item(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private static String num(String text) {
        return "<td class=\"num\">" + esc(text) + "</td>";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** XML escaping for text and attribute values. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' '); // not allowed in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

}
