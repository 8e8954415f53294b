package org.worldbench.experiment.spec;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The table of broken specs: each with the one problem it must be reported with, as
 * {@code spec.yaml:LINE: KEY: message}. Shared by the parser test and the test proving that an
 * invalid spec stores nothing.
 */
public final class InvalidSpecs {

    /** A valid spec the broken ones are variations of (1 trial with slowdown 0; tiny JMH settings). */
    public static final String VALID = """
            name: tiny
            benchmarks: [synthetic]
            matrix:
              slowdown: [0]
            jmh:
              forks: 1
              warmup-iterations: 1
              warmup-time: 100ms
              measurement-iterations: 2
              measurement-time: 100ms
            """;

    private InvalidSpecs() {
    }

    /** name, spec text, expected problem (a prefix-exact fragment of the one line reported). */
    public static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of("empty file", "", "spec.yaml: the file is empty"),
                Arguments.of("not YAML", "name: [unclosed\n", "spec.yaml:2: not valid YAML"),
                Arguments.of("a list, not a mapping", "- synthetic\n", "spec.yaml:1: expected a mapping of keys"),
                Arguments.of("unknown top-level key", "name: tiny\nbenchmarks: [synthetic]\ndescripton: hi\n",
                        "spec.yaml:3: descripton: unknown key (did you mean 'description'?"),
                Arguments.of("missing name", "benchmarks: [synthetic]\n", "spec.yaml:1: name: missing"),
                Arguments.of("name with a space", "name: my run\nbenchmarks: [synthetic]\n",
                        "spec.yaml:1: name: 'my run' is not a name"),
                Arguments.of("duplicate key", "name: a\nname: b\nbenchmarks: [synthetic]\n",
                        "spec.yaml:2: name: duplicate key (first given on line 1)"),
                Arguments.of("suite and benchmarks", "name: x\nsuite: calibration\nbenchmarks: [synthetic]\n",
                        "spec.yaml:3: benchmarks: give either 'suite' or 'benchmarks', not both"),
                Arguments.of("no benchmarks at all", "name: x\n", "spec.yaml:1: benchmarks: missing"),
                Arguments.of("unknown benchmark", "name: x\nbenchmarks:\n  - syntetic\n",
                        "spec.yaml:3: benchmarks[0]: unknown benchmark 'syntetic' (closest: synthetic"),
                Arguments.of("glob matching nothing", "name: x\nbenchmarks: ['physics*']\n",
                        "spec.yaml:2: benchmarks[0]: unknown benchmark 'physics*'"),
                Arguments.of("empty benchmark list", "name: x\nbenchmarks: []\n", "spec.yaml:2: benchmarks: must not be empty"),
                Arguments.of("benchmarks as a mapping", "name: x\nbenchmarks:\n  synthetic: yes\n",
                        "spec.yaml:3: benchmarks: expected a list, got a mapping"),
                Arguments.of("benchmark listed twice", "name: x\nbenchmarks: [synthetic, synthetic]\n",
                        "spec.yaml:2: benchmarks[1]: 'synthetic' is listed twice"),
                Arguments.of("unknown suite", "name: x\nsuite: nope\n", "spec.yaml:2: suite: unknown suite 'nope'"),
                Arguments.of("empty matrix", "name: x\nbenchmarks: [synthetic]\nmatrix: {}\n",
                        "spec.yaml:3: matrix: is empty"),
                Arguments.of("parameter with no values", "name: x\nbenchmarks: [synthetic]\nmatrix:\n  slowdown: []\n",
                        "spec.yaml:4: matrix.slowdown: must not be empty"),
                Arguments.of("unknown parameter", "name: x\nbenchmarks: [synthetic]\nmatrix:\n  slowdwn: [1]\n",
                        "spec.yaml:4: matrix.slowdwn: unknown parameter 'slowdwn': no selected benchmark has it"),
                Arguments.of("value of the wrong type", "name: x\nbenchmarks: [synthetic]\nmatrix:\n  slowdown: [0, five]\n",
                        "spec.yaml:4: matrix.slowdown[1]: expected int, got 'five' (parameter of synthetic)"),
                Arguments.of("value with a key separator", "name: x\nbenchmarks: [synthetic]\nmatrix:\n  slowdown: ['1,2']\n",
                        "spec.yaml:4: matrix.slowdown[0]: '1,2' contains ',' or '='"),
                Arguments.of("nested value in the matrix", "name: x\nbenchmarks: [synthetic]\nmatrix:\n  slowdown:\n    - {a: 1}\n",
                        "spec.yaml:5: matrix.slowdown[0]: expected a single value, got a mapping"),
                Arguments.of("forks not a number", "name: x\nbenchmarks: [synthetic]\njmh:\n  forks: two\n",
                        "spec.yaml:4: jmh.forks: expected an integer, got text 'two'"),
                Arguments.of("forks out of range", "name: x\nbenchmarks: [synthetic]\njmh:\n  forks: 0\n",
                        "spec.yaml:4: jmh.forks: must be between 1 and 100, got 0"),
                Arguments.of("bad duration", "name: x\nbenchmarks: [synthetic]\njmh:\n  warmup-time: 1 hour\n",
                        "spec.yaml:4: jmh.warmup-time: expected a duration like 100ms, 1s or 2min, got '1 hour'"),
                Arguments.of("unknown profiler", "name: x\nbenchmarks: [synthetic]\njmh:\n  profilers: [gcc]\n",
                        "spec.yaml:4: jmh.profilers[0]: unknown profiler 'gcc'"),
                Arguments.of("unknown mode", "name: x\nbenchmarks: [synthetic]\njmh:\n  mode: fast\n",
                        "spec.yaml:4: jmh.mode: 'fast' is not one of avgt, sample, ss, thrpt"),
                Arguments.of("bad heap", "name: x\nbenchmarks: [synthetic]\njmh:\n  heap: lots\n",
                        "spec.yaml:4: jmh.heap: expected a heap size like 512m or 2g, got 'lots'"),
                Arguments.of("misspelt JMH key", "name: x\nbenchmarks: [synthetic]\njmh:\n  fork: 2\n",
                        "spec.yaml:4: jmh.fork: unknown key (did you mean 'forks'?"),
                Arguments.of("named baseline without a name", "name: x\nbenchmarks: [synthetic]\nbaseline:\n  mode: named\n",
                        "spec.yaml:4: baseline.name: missing"),
                Arguments.of("baseline shorthand unknown", "name: x\nbenchmarks: [synthetic]\nbaseline: main\n",
                        "spec.yaml:3: baseline: expected 'latest', 'none' or a mapping"),
                Arguments.of("rolling baseline of no runs", "name: x\nbenchmarks: [synthetic]\nbaseline: {mode: rolling, runs: 0}\n",
                        "spec.yaml:3: baseline.runs: must be between 1 and 100, got 0"),
                Arguments.of("runs without rolling", "name: x\nbenchmarks: [synthetic]\nbaseline: {mode: latest, runs: 3}\n",
                        "spec.yaml:3: baseline.runs: only used with mode 'rolling'"),
                Arguments.of("unknown order", "name: x\nbenchmarks: [synthetic]\njmh: {order: random}\n",
                        "spec.yaml:3: jmh.order: 'random' is not one of interleaved, sequential"),
                Arguments.of("gc flag not a boolean", "name: x\nbenchmarks: [synthetic]\njmh: {gc-between-iterations: sometimes}\n",
                        "spec.yaml:3: jmh.gc-between-iterations: expected true or false, got text 'sometimes'"),
                Arguments.of("force flag not a boolean", "name: x\nbenchmarks: [synthetic]\nbaseline: {allow-other-machine: often}\n",
                        "spec.yaml:3: baseline.allow-other-machine: expected true or false, got text 'often'"),
                Arguments.of("unknown direction", "name: x\nbenchmarks: [synthetic]\nthresholds:\n  directions: {synthetic: up}\n",
                        "spec.yaml:4: thresholds.directions.synthetic: 'up' is not a direction (lower-is-better, higher-is-better)"),
                Arguments.of("threshold out of range", "name: x\nbenchmarks: [synthetic]\nthresholds:\n  default: 150\n",
                        "spec.yaml:4: thresholds.default: must be more than 0 and less than 100 (percent), got 150"),
                Arguments.of("threshold not a number", "name: x\nbenchmarks: [synthetic]\nthresholds:\n  default: five\n",
                        "spec.yaml:4: thresholds.default: expected a percentage as a number"),
                Arguments.of("threshold for a benchmark not run", "name: x\nbenchmarks: [synthetic]\nthresholds:\n  benchmarks:\n    fk: 3\n",
                        "spec.yaml:5: thresholds.benchmarks.fk: 'fk' is not among the benchmarks this experiment runs"),
                Arguments.of("tags not a mapping", "name: x\nbenchmarks: [synthetic]\ntags: [a, b]\n",
                        "spec.yaml:3: tags: expected a mapping, got a list"));
    }

    public static List<Arguments> list() {
        return all().toList();
    }
}
