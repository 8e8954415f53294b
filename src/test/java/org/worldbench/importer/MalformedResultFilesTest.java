package org.worldbench.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every broken file of {@link MalformedResultFiles} is refused with its JSON path and problem; limits hold. */
class MalformedResultFilesTest {

    @TempDir
    Path folder;

    static List<Arguments> malformed() {
        return MalformedResultFiles.list();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void is_refused_with_its_json_path(String name, String format, String content, String expected) throws IOException {
        Path file = Files.writeString(folder.resolve("results.json"), content, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new ResultFiles().read(file, ResultFormat.ofCode(format)))
                .isInstanceOfSatisfying(InvalidResultFileException.class, e -> {
                    assertThat(e.getMessage()).startsWith(file.toString());
                    assertThat(e.jsonPath() + ": " + e.problem()).contains(expected);
                });
    }

    @Test
    void the_table_has_at_least_twenty_files() {
        assertThat(malformed()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void a_problem_names_line_and_column() throws IOException {
        Path file = Files.writeString(folder.resolve("results.json"), "[\n  {\"benchmark\": \"a.B.m\",\n   \"mode\": \"fast\"}\n]\n");

        assertThatThrownBy(() -> new ResultFiles().read(file, null))
                .hasMessage(file + ":3:12: $[0].mode: unknown mode 'fast' (JMH modes: thrpt, avgt, sample, ss)");
    }

    @Test
    void a_file_larger_than_the_limit_is_refused_before_it_is_read() throws IOException {
        Path file = Files.writeString(folder.resolve("results.json"), "[" + " ".repeat(2000) + "]");
        ResultFiles small = new ResultFiles(new ImportLimits(1000, 10, 10), Clock.systemUTC());

        assertThatThrownBy(() -> small.read(file, null)).hasMessageContaining("$: the file has 2002 bytes, more than the limit of 1000");
    }

    @Test
    void too_many_samples_in_one_metric_are_refused_at_the_sample_that_exceeds_the_limit() throws IOException {
        Path file = Files.writeString(folder.resolve("results.json"), "[{\"benchmark\": \"a.B.m\", \"mode\": \"avgt\","
                + " \"primaryMetric\": {\"scoreUnit\": \"ns/op\", \"rawData\": [[1, 2, 3], [4, 5]]}}]");
        ResultFiles small = new ResultFiles(new ImportLimits(1 << 20, 10, 4), Clock.systemUTC());

        assertThatThrownBy(() -> small.read(file, null))
                .hasMessageContaining("$[0].primaryMetric.rawData[1][1]: more than 4 samples in one metric");
    }

    @Test
    void a_missing_file_is_named() {
        Path missing = folder.resolve("nope.json");
        assertThatThrownBy(() -> new ResultFiles().read(missing, null)).hasMessage(missing + ": $: no such file");
    }
}
