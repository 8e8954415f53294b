package org.worldbench.report.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.worldbench.batch.importer.ImportLauncher;
import org.worldbench.report.ReportFiles;
import org.worldbench.results.Run;

import com.jayway.jsonpath.JsonPath;

/**
 * {@code compare-engines} on a real database: a worldbench JMH file (one benchmark in ns/op, one in
 * us/op) and DART's imported Google Benchmark run, paired by a mapping. Ratios are exactly the ratio
 * of the medians in one unit, intervals surround them, missing benchmarks are noted, and every
 * report file says there are no verdicts.
 */
@SpringBootTest
abstract class EngineComparisonContract {

    private static final Path FOLDER = folder();

    @DynamicPropertySource
    static void reportsDirectory(DynamicPropertyRegistry registry) {
        registry.add("worldbench.reports-dir", FOLDER::toString);
    }

    @Autowired ImportLauncher importer;
    @Autowired EngineComparisonService engines;

    @Test
    void pairs_become_ratios_of_medians_in_one_unit_with_intervals_and_no_verdicts() throws IOException {
        // given worldbench's results (FK of chain 7 in ns/op, mass matrix of chain 7 in us/op) and DART's
        Path jmh = Files.writeString(FOLDER.resolve("worldbench.json"), """
                [{"benchmark": "org.worldbench.benchmark.dynamics.ChainDynamicsBenchmark.fk", "mode": "avgt",
                  "params": {"bodies": "7", "allocation": "HEAP"},
                  "primaryMetric": {"score": 405, "scoreUnit": "ns/op", "rawData": [[400, 410, 405], [420, 398, 401]]}},
                 {"benchmark": "org.worldbench.benchmark.dynamics.ChainDynamicsBenchmark.massMatrix", "mode": "avgt",
                  "params": {"bodies": "7", "allocation": "HEAP"},
                  "primaryMetric": {"score": 1.2, "scoreUnit": "us/op", "rawData": [[1.2, 1.3], [1.1, 1.25]]}}]
                """, StandardCharsets.UTF_8);
        Run worldbench = importer.importFile(new ImportLauncher.Request(jmh, null, "dynamics", null, null, null));
        Run dart = importer.importFile(new ImportLauncher.Request(sample(), null, "dart", null, null, null));
        EngineMapping mapping = new EngineMapping("worldbench", "DART 6.12.1", List.of(
                new EngineMapping.Pair("FK, chain(7)", "fk{allocation=HEAP,bodies=7}", "BM_FK/7"),
                new EngineMapping.Pair("mass matrix, chain(7)", "massMatrix{allocation=HEAP,bodies=7}", "BM_MassMatrix/7"),
                new EngineMapping.Pair("FK, chain(30)", "fk{allocation=HEAP,bodies=30}", "BM_FK/30")));

        // when they are compared
        EngineComparison comparison = engines.compare(worldbench.getId(), dart.getId(), mapping);
        Path report = engines.write(comparison);

        // then each ratio is the ratio of the medians (DART's median of 5 repetitions, as its own aggregate says)
        EngineComparison.Row fk = comparison.rows().get(0);
        assertThat(fk.medianA()).isEqualTo(403.0);
        assertThat(fk.medianB()).isEqualTo(812.9562535388861);
        assertThat(fk.ratio()).isEqualTo(403.0 / 812.9562535388861);
        assertThat(fk.low()).isLessThan(fk.ratio());
        assertThat(fk.high()).isGreaterThan(fk.ratio());
        assertThat(fk.samplesA()).isEqualTo(6);
        assertThat(fk.samplesB()).isEqualTo(5);
        EngineComparison.Row mass = comparison.rows().get(1);
        assertThat(mass.medianA()).as("1.225 us/op in ns").isCloseTo(1225.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mass.ratio()).isCloseTo(1225.0 / mass.medianB(), org.assertj.core.data.Offset.offset(1e-12));
        EngineComparison.Row missing = comparison.rows().get(2);
        assertThat(missing.hasRatio()).isFalse();
        assertThat(missing.note()).isEqualTo("fk{allocation=HEAP,bodies=30}: not in run " + worldbench.getId());

        // and every report file says the engines differ and gives no verdict
        String markdown = Files.readString(report.resolve("summary.md"));
        assertThat(markdown).contains("Two different engines").contains("No regression verdicts")
                .doesNotContain("regressed").doesNotContain("improved");
        assertThat(markdown.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| workload"))).hasSize(3);
        assertThat(markdown).contains("| FK, chain(7) | 403 ns | 813 ns | 0.50 |");
        String html = Files.readString(report.resolve("index.html"));
        ReportFiles.parseHtml(html); // well-formed
        assertThat(html).contains("<svg").contains("Two different engines");
        String json = Files.readString(report.resolve("results.json"));
        assertThat((Boolean) JsonPath.read(json, "$.verdicts")).isFalse();
        assertThat(((Number) JsonPath.read(json, "$.pairs[0].ratio")).doubleValue()).isEqualTo(fk.ratio());
        assertThat(Files.readString(report.resolve("results.csv")).lines()).hasSize(4);
        // reproducible: the same data gives the same interval
        EngineComparison again = engines.compare(worldbench.getId(), dart.getId(), mapping);
        assertThat(again.rows().get(0).low()).isEqualTo(fk.low());
        assertThat(Arrays.stream(EngineComparisonService.FILES).map(report::resolve)).allSatisfy(f -> assertThat(f).isNotEmptyFile());
    }

    private static Path sample() {
        try {
            return Path.of(EngineComparisonContract.class.getResource("/samples/gbench-dart-release-2026-11-24.json").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path folder() {
        try {
            Path folder = Files.createTempDirectory("worldbench-engines");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
