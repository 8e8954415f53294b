package org.worldbench.report;

import java.util.TreeMap;

import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/**
 * {@code results.json}: the whole report with every raw sample, for tools. Non-finite numbers are
 * written as JSON strings ({@code "NaN"}, {@code "+INF"}, {@code "-INF"}), as JMH does, so the file
 * stays valid JSON. Written by hand: the format is small and fixed, and the platform keeps its
 * dependencies few.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(RunReport r) {
        Json json = new Json();
        json.open('{');
        json.field("runId").value(r.runId());
        json.field("experiment").value(r.experiment());
        json.field("description").value(r.description());
        json.field("status").value(r.status());
        json.field("createdAt").value(str(r.createdAt()));
        json.field("startedAt").value(str(r.startedAt()));
        json.field("finishedAt").value(str(r.finishedAt()));
        json.field("gitCommit").value(r.gitCommit());
        json.field("gitBranch").value(r.gitBranch());
        json.field("tags").open('{');
        new TreeMap<>(r.tags()).forEach((k, v) -> json.field(k).value(v));
        json.close('}');
        json.field("machine").open('{');
        json.field("description").value(r.machine());
        json.field("fingerprint").value(r.fingerprint());
        json.close('}');
        json.field("baseline").open('{');
        json.field("runId").value(r.baselineRunId());
        json.field("note").value(r.baselineNote());
        json.field("machineForced").value(r.machineForced());
        json.field("machineRefused").value(r.machineRefused());
        json.close('}');
        json.field("method").value(r.method());
        json.field("benchmarks").open('[');
        for (BenchmarkResult b : r.benchmarks()) {
            json.element().open('{');
            json.field("ordinal").value(b.ordinal());
            json.field("name").value(b.name());
            json.field("class").value(b.className());
            json.field("parameters").open('{');
            org.worldbench.experiment.plan.PlannedTrial.parseKey(b.parameters()).forEach((k, v) -> json.field(k).value(v));
            json.close('}');
            json.field("status").value(b.status());
            json.field("mode").value(b.mode());
            json.field("failure").value(b.failure());
            json.field("verdict").value(b.verdict() == null ? null : b.verdict().code());
            json.field("metrics").open('[');
            for (MetricResult m : b.metrics()) {
                json.element().open('{');
                json.field("name").value(m.name());
                json.field("unit").value(m.unit());
                json.field("score").value(m.score());
                json.field("scoreError").value(m.scoreError());
                json.field("median").value(m.median());
                json.field("verdict").value(m.verdict() == null ? null : m.verdict().code());
                json.field("baselineMedian").value(m.baselineMedian());
                json.field("changePercent").value(m.changePercent());
                json.field("thresholdPercent").value(m.thresholdPercent());
                json.field("reason").value(m.reason());
                RunReport.Statistics st = m.statistics();
                json.field("effectScale").value(st.effectScale());
                json.field("ciLow").value(st.ciLow());
                json.field("ciHigh").value(st.ciHigh());
                json.field("confidenceLevel").value(st.confidenceLevel());
                json.field("pValue").value(st.pValue());
                json.field("adjustedPValue").value(st.adjustedPValue());
                json.field("baselineMode").value(st.baselineMode());
                json.field("baselineRunIds").open('[');
                st.baselineRunIds().forEach(id -> json.element().value(id.longValue()));
                json.close(']');
                json.field("machineForced").value(st.machineForced());
                json.field("historyStatus").value(st.historyStatus());
                json.field("changePoints").open('[');
                for (RunReport.ChangePointView cp : st.changePoints()) {
                    json.element().open('{');
                    json.field("runId").value(cp.runId());
                    json.field("relativeChange").value(cp.relativeChange());
                    json.field("pValue").value(cp.pValue());
                    json.close('}');
                }
                json.close(']');
                json.field("samples").samples(m.samples());
                json.field("baselineSamples").samples(m.baselineSamples());
                json.close('}');
            }
            json.close(']');
            json.close('}');
        }
        json.close(']');
        json.close('}');
        return json.toString() + "\n";
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    /** A minimal streaming JSON writer with two-space indentation. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder indent = new StringBuilder();
        private boolean first = true;

        Json open(char bracket) {
            out.append(bracket);
            indent.append("  ");
            first = true;
            return this;
        }

        Json close(char bracket) {
            indent.setLength(indent.length() - 2);
            if (!first) {
                out.append('\n').append(indent);
            }
            out.append(bracket);
            first = false;
            return this;
        }

        Json field(String name) {
            element();
            string(name);
            out.append(": ");
            return this;
        }

        Json element() {
            if (!first) {
                out.append(',');
            }
            out.append('\n').append(indent);
            first = false;
            return this;
        }

        void value(String value) {
            if (value == null) {
                out.append("null");
            } else {
                string(value);
            }
        }

        void value(Long value) {
            out.append(value == null ? "null" : value.toString());
        }

        void value(boolean value) {
            out.append(value);
        }

        void value(long value) {
            out.append(value);
        }

        void value(double value) {
            if (Double.isNaN(value)) {
                out.append("\"NaN\"");
            } else if (Double.isInfinite(value)) {
                out.append(value > 0 ? "\"+INF\"" : "\"-INF\"");
            } else {
                out.append(value);
            }
        }

        void samples(double[][] forks) {
            if (forks == null) {
                out.append("null");
                return;
            }
            out.append('[');
            for (int f = 0; f < forks.length; f++) {
                out.append(f == 0 ? "" : ", ").append('[');
                for (int i = 0; i < forks[f].length; i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    value(forks[f][i]);
                }
                out.append(']');
            }
            out.append(']');
        }

        private void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
