package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code worldbench import} and {@code worldbench compare-engines} as a user types them, in process,
 * on the default profile (an H2 file in a folder of its own).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportCommandsOnH2FileTest extends CliOnH2File {


    @Test
    @Order(1)
    void a_bad_file_exits_2_with_its_json_path_and_stores_nothing() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.json"), "[{\"benchmark\": \"a.B.m\", \"mode\": \"fast\"}]");

        int exit = run("import", bad.toString(), "--reports-dir", folder.resolve("reports").toString());

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("nothing was imported: " + bad + ":1:33: $[0].mode: unknown mode 'fast'");
        assertThat(run("runs")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).doesNotContain("imported");
    }

    @Test
    @Order(2)
    void an_unknown_format_exits_2() {
        assertThat(run("import", "x.json", "--format", "csv")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("--format: unknown format 'csv' (known: auto, jmh, gbench, bmf)");
    }

    @Test
    @Order(3)
    void dart_results_import_and_compare_with_worldbench_results() throws Exception {
        Path dart = Path.of(getClass().getResource("/samples/gbench-dart-release-2026-11-24.json").toURI());
        Path worldbench = Files.writeString(folder.resolve("worldbench.json"), """
                [{"benchmark": "org.worldbench.benchmark.dynamics.SkeletonDynamicsBenchmark.fk", "mode": "avgt",
                  "params": {"shape": "chain", "joint": "revolute", "bodies": "7", "allocation": "INLINE", "debug": "false"},
                  "primaryMetric": {"score": 405, "scoreUnit": "ns/op", "rawData": [[400, 410, 405], [420, 398, 401]]}}]
                """);
        String reports = folder.resolve("reports").toString();

        assertThat(run("import", dart.toString(), "--experiment", "dart", "--branch", "main", "--reports-dir", reports))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("run 1: imported from gbench-dart-release-2026-11-24.json (Google Benchmark JSON,"
                + " 35 benchmarks), experiment dart").contains("report: ");
        assertThat(Path.of(reports, "1", "index.html")).isNotEmptyFile();
        assertThat(run("import", worldbench.toString(), "--format", "jmh", "--machine-name", "laptop", "--reports-dir", reports))
                .as(err.toString()).isEqualTo(ExitCode.OK);

        int exit = run("compare-engines", "2", "1", "--mapping", "config/mappings/dart.yaml", "--reports-dir", reports);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("## worldbench: worldbench vs DART 6.12.1").contains("No regression verdicts")
                .contains("| FK, chain(7), INLINE | 403 ns | 813 ns | 0.50 |")
                .contains("| FK, chain(7), HEAP | – | 813 ns | – | fk{allocation=HEAP,bodies=7,debug=false,joint=revolute,shape=chain}: not in run 2 |");
        assertThat(Path.of(reports, "engines-2-1", "index.html")).isNotEmptyFile();
    }

    static Path sample(String name) throws URISyntaxException {
        return Path.of(ImportCommandsOnH2FileTest.class.getResource("/samples/" + name).toURI());
    }
}
