package org.worldbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.worldbench.analysis.Verdict;
import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/**
 * The five report files, rendered from one run with every kind of outcome (regression, improvement,
 * no change, failed trial) and text that needs escaping in each format.
 */
class ReportFormatsTest {

    private static final double NAN = Double.NaN;

    static RunReport report() {
        double[][] samples = {{10.0, 10.5, 9.5}, {10.2, 10.1, 9.9}};
        double[][] baseline = {{9.0, 9.1, 8.9}, {9.2, 9.0, 9.1}};
        MetricResult regressedTime = new MetricResult("primary", "ns/op", 10.0, 0.4, 10.05, samples, baseline, Verdict.REGRESSED,
                9.05, 11.05, 5, "worse by +11.05% (median 10.05 vs 9.05 ns/op), beyond the threshold 5.0%");
        MetricResult zeroHeap = new MetricResult("gc.alloc.rate.norm", "B/op", 0.01, NAN, 0.01, new double[][] {{0.01, 0.01, 0.01}},
                new double[][] {{0.02, 0.02, 0.02}}, Verdict.UNCHANGED, 0.02, -50, 5, "allocates nothing (< 8 B/op), as the baseline");
        MetricResult gcCount = new MetricResult("gc.count", "counts", 0, NAN, 0, new double[][] {{0, 0, 0}}, null, null, NAN, NAN, NAN, null);
        MetricResult improvedThroughput = new MetricResult("primary", "ops/s", 2000, 10, 2000, new double[][] {{1990, 2000, 2010}},
                new double[][] {{1500, 1490, 1510}}, Verdict.IMPROVED, 1500, 33.3, 5, "better by +33.33%");
        MetricResult unchanged = new MetricResult("primary", "us/op", 1.5, 0.01, 1.5, new double[][] {{1.5, 1.49, 1.51}},
                new double[][] {{1.5, 1.5, 1.5}}, Verdict.UNCHANGED, 1.5, 0, 3, "within the threshold 3.0%: +0.00%");
        return new RunReport(7, "nightly", "Description with <markup> & \"quotes\"", "completed",
                Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:00:01Z"), Instant.parse("2026-11-24T10:05:00Z"),
                "0123456789abcdef", "main", Map.of("team", "physics|core"), "Test CPU · 2 cores", "ab".repeat(32), 6L,
                "latest completed run: run 6", "ratio of medians", List.of(
                        new BenchmarkResult(1, "fk", "org.example.Fk", "allocation=HEAP,size=007", "done", "avgt", null, 12.5,
                                List.of(regressedTime, zeroHeap, gcCount)),
                        new BenchmarkResult(2, "step", "org.example.Step", "", "done", "thrpt", null, 3, List.of(improvedThroughput)),
                        new BenchmarkResult(3, "lifecycle", "org.example.Life", "n=1", "done", "avgt", null, 3, List.of(unchanged)),
                        new BenchmarkResult(4, "broken", "org.example.Broken", "mode=<bad>,x=\"1\"", "failed", null,
                                "org.example.Broken failed: IllegalStateException: boom & <bang>", 1, List.of())),
                Instant.parse("2026-11-24T10:05:01Z"));
    }

    @Test
    void html_parses_has_one_row_per_benchmark_charts_and_no_external_resource() {
        String html = HtmlReport.render(report());

        Document document = ReportFiles.parseHtml(html);

        assertThat(ReportFiles.htmlResultRows(document)).isEqualTo(4);
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength())
                .as("the change chart plus a sample plot per measured benchmark").isEqualTo(1 + 3);
        assertThat(html).doesNotContain("src=").doesNotContain("href=").doesNotContain("<script").doesNotContain("@import");
        assertThat(html).contains("Description with &lt;markup&gt; &amp; &quot;quotes&quot;");
    }

    @Test
    void html_parser_rejects_malformed_markup() {
        assertThatThrownBy(() -> ReportFiles.parseHtml("<html><body><p>unclosed</body></html>")).isInstanceOf(AssertionError.class);
    }

    @Test
    void markdown_has_one_table_row_per_benchmark_and_escapes_pipes() {
        String markdown = MarkdownReport.render(report());

        List<String> rows = ReportFiles.markdownRows(markdown);

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).contains("`fk{allocation=HEAP,size=007}`").contains("+11.05%").contains("regressed");
        assertThat(rows.get(3)).contains("**failed**");
        assertThat(markdown).contains("**1 regression(s)**");
        // every row has the header's 7 columns: 8 unescaped pipes
        rows.forEach(row -> assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(8));
    }

    @Test
    void junit_xml_validates_against_the_schema_with_regressions_as_failures() {
        String xml = JUnitXmlReport.render(report());

        ReportFiles.validateJUnitXml(xml);

        assertThat(xml).as("4 compared metrics and 1 failed trial").contains("tests=\"5\"").contains("failures=\"1\"").contains("errors=\"1\"");
        assertThat(xml).contains("<failure message=\"regressed +11.05% (threshold 5%)\" type=\"regression\">");
        assertThat(xml).contains("boom &amp; &lt;bang&gt;");
    }

    @Test
    void junit_schema_rejects_a_document_that_breaks_it() {
        assertThatThrownBy(() -> ReportFiles.validateJUnitXml("<testsuites><testcase name=\"x\"/></testsuites>"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void csv_has_a_row_per_trial_metric_quoted_where_needed() {
        String csv = CsvReport.render(report());

        List<String> lines = csv.lines().toList();

        assertThat(lines.getFirst()).isEqualTo(CsvReport.HEADER);
        assertThat(lines).hasSize(1 + 3 + 1 + 1 + 1);
        assertThat(lines.get(1)).startsWith("7,1,fk,\"allocation=HEAP,size=007\",done,avgt,primary,ns/op,10.0,0.4,10.05,6,9.05,11.05,5.0,regressed,");
        assertThat(lines.get(6)).contains("\"mode=<bad>,x=\"\"1\"\"\"");
        assertThat(csv).contains("\r\n");
    }

    @Test
    void json_holds_every_raw_sample_and_writes_non_finite_numbers_as_strings() {
        String json = JsonReport.render(report());

        assertThat((Integer) JsonPath.read(json, "$.benchmarks.length()")).isEqualTo(4);
        assertThat((List<?>) JsonPath.read(json, "$.benchmarks[0].metrics[0].samples")).hasSize(2);
        assertThat((Double) JsonPath.read(json, "$.benchmarks[0].metrics[0].samples[1][0]")).isEqualTo(10.2);
        assertThat((String) JsonPath.read(json, "$.benchmarks[0].metrics[1].scoreError")).isEqualTo("NaN");
        assertThat((String) JsonPath.read(json, "$.benchmarks[3].parameters.mode")).isEqualTo("<bad>");
        assertThat((String) JsonPath.read(json, "$.benchmarks[0].verdict")).isEqualTo("regressed");
        assertThat((String) JsonPath.read(json, "$.tags.team")).isEqualTo("physics|core");
    }
}
