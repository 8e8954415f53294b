package org.worldbench.experiment.spec;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SequencedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.worldbench.analysis.Direction;
import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.catalog.BenchmarkDefinition;
import org.worldbench.experiment.catalog.ParameterDefinition;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an experiment spec (YAML) and checks it completely before anything runs: unknown keys,
 * wrong types, empty lists and matrices, unknown benchmarks, unknown parameters and values that do
 * not fit a parameter's type. Every problem is collected with its key path and line, and all of them
 * are thrown together as one {@link InvalidSpecException}; a spec that parses is runnable.
 *
 * <p>The format is documented key by key in {@code docs/experiments.md}. A spec names either a
 * {@code suite} (a file {@code NAME.yaml} in the suites folder, {@code config/suites} by default)
 * or its own {@code benchmarks}; a spec's {@code matrix} entries override the suite's.
 *
 * <p>Works on SnakeYAML's node tree rather than on maps, because only nodes keep line numbers.
 */
public final class ExperimentSpecParser {

    private static final Set<String> TOP_KEYS = Set.of("name", "description", "suite", "benchmarks", "matrix", "jmh",
            "baseline", "thresholds", "tags");
    private static final Set<String> SUITE_KEYS = Set.of("name", "description", "benchmarks", "matrix");
    private static final Set<String> JMH_KEYS = Set.of("forks", "warmup-iterations", "warmup-time",
            "measurement-iterations", "measurement-time", "profilers", "mode", "time-unit", "heap", "jvm-args",
            "gc-between-iterations", "order");
    private static final Set<String> BASELINE_KEYS = Set.of("mode", "name", "runs", "allow-other-machine");
    private static final Set<String> THRESHOLD_KEYS = Set.of("default", "benchmarks", "directions");
    /** Profilers worth running in every fork; others (perfasm, async) need tools this platform does not install. */
    public static final Set<String> PROFILERS = new TreeSet<>(Set.of("gc", "cl", "comp", "stack", "safepoints"));
    private static final Set<String> MODES = new TreeSet<>(Set.of("avgt", "thrpt", "sample", "ss"));
    private static final Set<String> ORDERS = new TreeSet<>(Set.of("interleaved", "sequential"));
    private static final Set<String> TIME_UNITS = new TreeSet<>(Set.of("ns", "us", "ms", "s"));
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|s|min)");
    private static final Pattern HEAP = Pattern.compile("\\d{1,6}[mMgG]");
    private static final Pattern FILTER = Pattern.compile("[A-Za-z_$*][A-Za-z0-9_$*]*");
    /** More trials than this is almost certainly a matrix typo (and days of measuring). */
    public static final int MAX_TRIALS = 10_000;

    private final BenchmarkCatalog catalog;
    private final Path suitesDirectory;

    /**
     * @param catalog         the benchmarks that exist in this build
     * @param suitesDirectory where {@code suite: NAME} looks for {@code NAME.yaml}
     */
    public ExperimentSpecParser(BenchmarkCatalog catalog, Path suitesDirectory) {
        this.catalog = catalog;
        this.suitesDirectory = suitesDirectory;
    }

    /** Parses a spec file; problems name the file as given. */
    public ExperimentSpec parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new SpecProblem(file.toString(), 0, "", "cannot read the file: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()))));
        }
        return parse(file.toString(), text);
    }

    /** Parses spec text; {@code fileName} is only used in messages. */
    public ExperimentSpec parse(String fileName, String text) {
        Document spec = new Document(fileName);
        MappingNode root = spec.root(text);
        if (root == null) {
            throw new InvalidSpecException(spec.problems);
        }
        Map<String, NodeTuple> top = spec.keys(root, "", TOP_KEYS);

        String name = spec.requiredName(top, "name");
        String description = spec.optionalString(top, "description", "");

        // benchmarks: from the suite or the spec itself, never both
        SequencedMap<String, MatrixEntry> matrix = new LinkedHashMap<>();
        List<Selector> selectors = new ArrayList<>();
        String suite = null;
        if (top.containsKey("suite") && top.containsKey("benchmarks")) {
            spec.problem(top.get("benchmarks").getKeyNode(), "benchmarks",
                    "give either 'suite' or 'benchmarks', not both");
        } else if (top.containsKey("suite")) {
            suite = spec.string(top.get("suite").getValueNode(), "suite");
            if (suite != null) {
                loadSuite(spec, suite, top.get("suite").getValueNode(), selectors, matrix);
            }
        } else if (top.containsKey("benchmarks")) {
            selectors.addAll(spec.selectors(top.get("benchmarks").getValueNode(), "benchmarks"));
        } else {
            spec.problem(root, "benchmarks", "missing: name a 'suite' or list 'benchmarks' (JMH method names)");
        }
        if (top.containsKey("matrix")) {
            spec.matrix(top.get("matrix").getValueNode(), "matrix").forEach(matrix::put);
        }

        List<BenchmarkDefinition> selected = select(spec, selectors);
        checkMatrix(spec, matrix, selected);

        JmhSettings jmh = top.containsKey("jmh") ? jmh(spec, top.get("jmh").getValueNode()) : JmhSettings.DEFAULTS;
        BaselineSelection baseline = top.containsKey("baseline")
                ? baseline(spec, top.get("baseline").getValueNode()) : BaselineSelection.DEFAULT;
        Thresholds thresholds = top.containsKey("thresholds")
                ? thresholds(spec, top.get("thresholds").getValueNode(), selected) : new Thresholds(Thresholds.DEFAULT_PERCENT, Map.of());
        Map<String, String> tags = top.containsKey("tags") ? spec.stringMap(top.get("tags").getValueNode(), "tags") : Map.of();

        if (spec.problems.isEmpty()) {
            long trials = trialCount(selected, matrix);
            if (trials > MAX_TRIALS) {
                spec.problem(top.containsKey("matrix") ? top.get("matrix").getKeyNode() : root, "matrix",
                        "expands to " + trials + " trials, more than the limit of " + MAX_TRIALS);
            }
        }
        if (!spec.problems.isEmpty()) {
            throw new InvalidSpecException(spec.problems);
        }
        SequencedMap<String, List<String>> values = new LinkedHashMap<>();
        matrix.forEach((key, entry) -> values.put(key, entry.values()));
        return new ExperimentSpec(name, description, suite,
                selected.stream().map(BenchmarkDefinition::name).toList(), values, jmh, baseline, thresholds, tags);
    }

    private void loadSuite(Document spec, String suite, Node at, List<Selector> selectors,
            SequencedMap<String, MatrixEntry> matrix) {
        if (!NAME.matcher(suite).matches()) {
            spec.problem(at, "suite", "'" + suite + "' is not a suite name (letters, digits, '.', '_', '-')");
            return;
        }
        Path file = suitesDirectory.resolve(suite + ".yaml");
        if (!Files.isRegularFile(file)) {
            spec.problem(at, "suite", "unknown suite '" + suite + "': no file " + file);
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            spec.problem(at, "suite", "cannot read " + file + ": " + e.getMessage());
            return;
        }
        // The suite's own problems name the suite file and its lines; they land in the same list.
        Document suiteDocument = new Document(file.toString(), spec.problems);
        MappingNode root = suiteDocument.root(text);
        if (root == null) {
            return;
        }
        Map<String, NodeTuple> keys = suiteDocument.keys(root, "", SUITE_KEYS);
        if (!keys.containsKey("benchmarks")) {
            suiteDocument.problem(root, "benchmarks", "missing: a suite lists its benchmarks");
        } else {
            selectors.addAll(suiteDocument.selectors(keys.get("benchmarks").getValueNode(), "benchmarks"));
        }
        if (keys.containsKey("matrix")) {
            suiteDocument.matrix(keys.get("matrix").getValueNode(), "matrix").forEach(matrix::put);
        }
    }

    /** Resolves names and globs to benchmarks; each selector must match at least one. */
    private List<BenchmarkDefinition> select(Document spec, List<Selector> selectors) {
        Map<String, BenchmarkDefinition> selected = new TreeMap<>();
        for (Selector selector : selectors) {
            List<BenchmarkDefinition> matches = catalog.all().stream()
                    .filter(d -> selector.pattern().matcher(d.name()).matches()).toList();
            if (matches.isEmpty()) {
                List<String> hint = BenchmarkCatalog.closest(selector.text(), catalog.names(), 3);
                selector.document().problem(selector.node(), selector.key(), "unknown benchmark '" + selector.text() + "'"
                        + (hint.isEmpty() ? " (this build has no benchmarks)" : " (closest: " + String.join(", ", hint) + ")"));
            }
            matches.forEach(d -> selected.put(d.name(), d));
        }
        return List.copyOf(selected.values());
    }

    private static void checkMatrix(Document spec, SequencedMap<String, MatrixEntry> matrix,
            List<BenchmarkDefinition> selected) {
        if (selected.isEmpty()) {
            return; // the benchmarks' own problems say it; "unknown parameter" here would only add noise
        }
        Set<String> known = new TreeSet<>();
        selected.forEach(d -> known.addAll(d.parameters().keySet()));
        matrix.forEach((parameter, entry) -> {
            if (!known.contains(parameter)) {
                List<String> hint = BenchmarkCatalog.closest(parameter, known, 3);
                entry.document().problem(entry.keyNode(), entry.key(), "unknown parameter '" + parameter
                        + "': no selected benchmark has it" + (known.isEmpty() ? " (they take no parameters)"
                                : " (parameters: " + String.join(", ", known) + "; closest: " + hint.getFirst() + ")"));
                return;
            }
            for (int i = 0; i < entry.values().size(); i++) {
                String value = entry.values().get(i);
                for (BenchmarkDefinition d : selected) {
                    ParameterDefinition definition = d.parameters().get(parameter);
                    if (definition != null) {
                        var rejection = definition.rejection(value);
                        if (rejection.isPresent()) {
                            entry.document().problem(entry.valueNodes().get(i), entry.key() + "[" + i + "]",
                                    rejection.get() + " (parameter of " + d.name() + ")");
                            break;
                        }
                    }
                }
            }
        });
    }

    private static long trialCount(List<BenchmarkDefinition> selected, Map<String, MatrixEntry> matrix) {
        long total = 0;
        for (BenchmarkDefinition d : selected) {
            long product = 1;
            for (ParameterDefinition p : d.parameters().values()) {
                MatrixEntry entry = matrix.get(p.name());
                product = Math.multiplyExact(product, Math.max(1, entry != null ? entry.values().size() : p.declaredValues().size()));
            }
            total += product;
        }
        return total;
    }

    private static JmhSettings jmh(Document spec, Node node) {
        JmhSettings d = JmhSettings.DEFAULTS;
        Map<String, NodeTuple> keys = spec.keys(node, "jmh", JMH_KEYS);
        int forks = spec.optionalInt(keys, "jmh.forks", "forks", d.forks(), 1, 100);
        int warmupIterations = spec.optionalInt(keys, "jmh.warmup-iterations", "warmup-iterations", d.warmupIterations(), 0, 1000);
        Duration warmupTime = spec.optionalDuration(keys, "jmh.warmup-time", "warmup-time", d.warmupTime());
        int measurementIterations = spec.optionalInt(keys, "jmh.measurement-iterations", "measurement-iterations",
                d.measurementIterations(), 1, 1000);
        Duration measurementTime = spec.optionalDuration(keys, "jmh.measurement-time", "measurement-time", d.measurementTime());
        List<String> profilers = keys.containsKey("profilers")
                ? spec.choices(keys.get("profilers").getValueNode(), "jmh.profilers", PROFILERS, true) : d.profilers();
        String mode = spec.optionalChoice(keys, "jmh.mode", "mode", MODES);
        String timeUnit = spec.optionalChoice(keys, "jmh.time-unit", "time-unit", TIME_UNITS);
        String heap = d.heap();
        if (keys.containsKey("heap")) {
            Node value = keys.get("heap").getValueNode();
            heap = spec.string(value, "jmh.heap");
            if (heap != null && !HEAP.matcher(heap).matches()) {
                spec.problem(value, "jmh.heap", "expected a heap size like 512m or 2g, got '" + heap + "'");
            }
        }
        List<String> jvmArgs = keys.containsKey("jvm-args")
                ? spec.strings(keys.get("jvm-args").getValueNode(), "jmh.jvm-args", true) : d.jvmArgs();
        boolean gcBetweenIterations = spec.optionalBoolean(keys, "jmh.gc-between-iterations", "gc-between-iterations",
                d.gcBetweenIterations());
        String order = spec.optionalChoice(keys, "jmh.order", "order", ORDERS);
        return new JmhSettings(forks, warmupIterations, warmupTime, measurementIterations, measurementTime, profilers,
                mode, timeUnit, heap, jvmArgs, gcBetweenIterations, order == null ? d.order() : MeasurementOrder.ofCode(order));
    }

    private static BaselineSelection baseline(Document spec, Node node) {
        if (node instanceof ScalarNode scalar) {
            // Shorthand: 'baseline: latest', 'baseline: none' or 'baseline: rolling' (5 runs).
            return switch (scalar.getValue()) {
                case "latest" -> BaselineSelection.DEFAULT;
                case "none" -> new BaselineSelection(BaselineSelection.Mode.NONE, null);
                case "rolling" -> BaselineSelection.rolling(BaselineSelection.DEFAULT_ROLLING_RUNS);
                default -> {
                    spec.problem(node, "baseline", "expected 'latest', 'none' or a mapping {mode: named, name: NAME}"
                            + " (or 'rolling', {mode: rolling, runs: K}), got '" + scalar.getValue() + "'");
                    yield BaselineSelection.DEFAULT;
                }
            };
        }
        Map<String, NodeTuple> keys = spec.keys(node, "baseline", BASELINE_KEYS);
        String mode = spec.optionalChoice(keys, "baseline.mode", "mode", new TreeSet<>(Set.of("named", "latest", "rolling", "none")));
        String name = keys.containsKey("name") ? spec.string(keys.get("name").getValueNode(), "baseline.name") : null;
        boolean allowOtherMachine = spec.optionalBoolean(keys, "baseline.allow-other-machine", "allow-other-machine", false);
        if (mode == null && keys.containsKey("mode")) {
            return BaselineSelection.DEFAULT; // the wrong mode is already reported
        }
        BaselineSelection.Mode selected = mode == null ? (name != null ? BaselineSelection.Mode.NAMED : BaselineSelection.Mode.LATEST)
                : BaselineSelection.Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        if (selected == BaselineSelection.Mode.NAMED && name == null && !keys.containsKey("name")) {
            spec.problem(node, "baseline.name", "missing: mode 'named' needs the baseline's name");
        }
        if (selected != BaselineSelection.Mode.NAMED && keys.containsKey("name")) {
            spec.problem(keys.get("name").getKeyNode(), "baseline.name", "only used with mode 'named' (mode is '"
                    + selected.name().toLowerCase(java.util.Locale.ROOT) + "')");
        }
        if (selected != BaselineSelection.Mode.ROLLING && keys.containsKey("runs")) {
            spec.problem(keys.get("runs").getKeyNode(), "baseline.runs", "only used with mode 'rolling' (mode is '"
                    + selected.name().toLowerCase(java.util.Locale.ROOT) + "')");
        }
        int runs = selected == BaselineSelection.Mode.ROLLING ? spec.optionalInt(keys, "baseline.runs", "runs",
                BaselineSelection.DEFAULT_ROLLING_RUNS, 1, BaselineSelection.MAX_ROLLING_RUNS) : 0;
        if (name != null && !NAME.matcher(name).matches()) {
            spec.problem(keys.get("name").getValueNode(), "baseline.name",
                    "'" + name + "' is not a baseline name (letters, digits, '.', '_', '-')");
        }
        return new BaselineSelection(selected, selected == BaselineSelection.Mode.NAMED ? name : null, runs, allowOtherMachine);
    }

    private static Thresholds thresholds(Document spec, Node node, List<BenchmarkDefinition> selected) {
        Map<String, NodeTuple> keys = spec.keys(node, "thresholds", THRESHOLD_KEYS);
        double defaultPercent = keys.containsKey("default")
                ? spec.percent(keys.get("default").getValueNode(), "thresholds.default") : Thresholds.DEFAULT_PERCENT;
        Map<String, Double> overrides = new LinkedHashMap<>();
        if (keys.containsKey("benchmarks")) {
            Set<String> names = new HashSet<>(selected.stream().map(BenchmarkDefinition::name).toList());
            for (NodeTuple t : spec.tuples(keys.get("benchmarks").getValueNode(), "thresholds.benchmarks")) {
                String benchmark = spec.string(t.getKeyNode(), "thresholds.benchmarks");
                if (benchmark == null) {
                    continue;
                }
                String key = "thresholds.benchmarks." + benchmark;
                if (!selected.isEmpty() && !names.contains(benchmark)) {
                    spec.problem(t.getKeyNode(), key, "'" + benchmark + "' is not among the benchmarks this experiment runs"
                            + " (" + String.join(", ", BenchmarkCatalog.closest(benchmark, names, 3)) + ")");
                }
                overrides.put(benchmark, spec.percent(t.getValueNode(), key));
            }
        }
        Map<String, Direction> directions = new LinkedHashMap<>();
        if (keys.containsKey("directions")) {
            Set<String> names = new HashSet<>(selected.stream().map(BenchmarkDefinition::name).toList());
            for (NodeTuple t : spec.tuples(keys.get("directions").getValueNode(), "thresholds.directions")) {
                String benchmark = spec.string(t.getKeyNode(), "thresholds.directions");
                if (benchmark == null) {
                    continue;
                }
                String key = "thresholds.directions." + benchmark;
                if (!selected.isEmpty() && !names.contains(benchmark)) {
                    spec.problem(t.getKeyNode(), key, "'" + benchmark + "' is not among the benchmarks this experiment runs"
                            + " (" + String.join(", ", BenchmarkCatalog.closest(benchmark, names, 3)) + ")");
                }
                String direction = spec.string(t.getValueNode(), key);
                if (direction == null) {
                    continue;
                }
                try {
                    directions.put(benchmark, Direction.ofCode(direction));
                } catch (IllegalArgumentException e) {
                    spec.problem(t.getValueNode(), key, "'" + direction + "' is not a direction (lower-is-better, higher-is-better)");
                }
            }
        }
        return new Thresholds(defaultPercent, overrides, directions);
    }

    // ---------------------------------------------------------------------------------------------

    /** A benchmark name or glob ({@code *} matches any run of characters) where it was written. */
    private record Selector(Document document, Node node, String key, String text, Pattern pattern) {
    }

    /** A matrix row where it was written: the key node for "unknown parameter", value nodes for bad values. */
    private record MatrixEntry(Document document, Node keyNode, String key, List<String> values, List<Node> valueNodes) {
    }

    /** One YAML document being read; collects problems under its file name. */
    private static final class Document {

        private final String file;
        private final List<SpecProblem> problems;

        Document(String file) {
            this(file, new ArrayList<>());
        }

        Document(String file, List<SpecProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        void problem(Node at, String key, String message) {
            problems.add(new SpecProblem(file, at == null ? 0 : at.getStartMark().getLine() + 1, key, message));
        }

        MappingNode root(String text) {
            Node root;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(true); // duplicates are reported below, with both lines
                options.setMaxAliasesForCollections(10);
                options.setCodePointLimit(1 << 20);
                root = new Yaml(options).compose(new StringReader(text));
            } catch (MarkedYAMLException e) {
                int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
                problems.add(new SpecProblem(file, line, "", "not valid YAML: " + e.getProblem()));
                return null;
            } catch (YAMLException e) {
                problems.add(new SpecProblem(file, 0, "", "not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
                return null;
            }
            if (root == null) {
                problems.add(new SpecProblem(file, 0, "", "the file is empty"));
                return null;
            }
            if (!(root instanceof MappingNode mapping)) {
                problem(root, "", "expected a mapping of keys (name, benchmarks, matrix, ...), got " + kind(root));
                return null;
            }
            return mapping;
        }

        /** The keys of a mapping, in order; unknown and duplicate keys are problems. */
        Map<String, NodeTuple> keys(Node node, String path, Set<String> allowed) {
            Map<String, NodeTuple> keys = new LinkedHashMap<>();
            for (NodeTuple t : tuples(node, path)) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                String where = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (key == null) {
                    problem(t.getKeyNode(), path, "keys must be plain words, got " + kind(t.getKeyNode()));
                } else if (!allowed.contains(key)) {
                    String hint = BenchmarkCatalog.closest(key, allowed, 1).getFirst();
                    boolean close = BenchmarkCatalog.editDistance(key, hint) <= Math.max(2, key.length() / 3);
                    problem(t.getKeyNode(), where, "unknown key (" + (close ? "did you mean '" + hint + "'? " : "")
                            + "allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
                } else if (keys.containsKey(key)) {
                    problem(t.getKeyNode(), where, "duplicate key (first given on line "
                            + (keys.get(key).getKeyNode().getStartMark().getLine() + 1) + ")");
                } else {
                    keys.put(key, t);
                }
            }
            return keys;
        }

        List<NodeTuple> tuples(Node node, String path) {
            if (node instanceof MappingNode mapping) {
                return mapping.getValue();
            }
            problem(node, path, "expected a mapping, got " + kind(node));
            return List.of();
        }

        String string(Node node, String path) {
            if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                return s.getValue();
            }
            problem(node, path, "expected a text value, got " + kind(node));
            return null;
        }

        String requiredName(Map<String, NodeTuple> keys, String key) {
            if (!keys.containsKey(key)) {
                problems.add(new SpecProblem(file, 1, key, "missing: every experiment has a name"));
                return null;
            }
            Node node = keys.get(key).getValueNode();
            String value = string(node, key);
            if (value != null && !NAME.matcher(value).matches()) {
                problem(node, key, "'" + value + "' is not a name: 1 to 100 letters, digits, '.', '_' or '-'");
            }
            return value;
        }

        String optionalString(Map<String, NodeTuple> keys, String key, String fallback) {
            if (!keys.containsKey(key)) {
                return fallback;
            }
            String value = string(keys.get(key).getValueNode(), key);
            return value == null ? fallback : value;
        }

        int optionalInt(Map<String, NodeTuple> keys, String path, String key, int fallback, int min, int max) {
            if (!keys.containsKey(key)) {
                return fallback;
            }
            Node node = keys.get(key).getValueNode();
            if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
                problem(node, path, "expected an integer, got " + kind(node));
                return fallback;
            }
            long value;
            try {
                value = Long.parseLong(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                problem(node, path, "expected a decimal integer, got '" + s.getValue() + "'");
                return fallback;
            }
            if (value < min || value > max) {
                problem(node, path, "must be between " + min + " and " + max + ", got " + value);
                return fallback;
            }
            return (int) value;
        }

        Duration optionalDuration(Map<String, NodeTuple> keys, String path, String key, Duration fallback) {
            if (!keys.containsKey(key)) {
                return fallback;
            }
            Node node = keys.get(key).getValueNode();
            String text = node instanceof ScalarNode s ? s.getValue().trim() : null;
            Matcher m = text == null ? null : DURATION.matcher(text);
            if (m == null || !m.matches()) {
                problem(node, path, "expected a duration like 100ms, 1s or 2min, got "
                        + (text == null ? kind(node) : "'" + text + "'"));
                return fallback;
            }
            long amount = Long.parseLong(m.group(1));
            Duration duration = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
            if (duration.isZero() || duration.compareTo(Duration.ofMinutes(10)) > 0) {
                problem(node, path, "must be more than 0 and at most 10min, got '" + text + "'");
                return fallback;
            }
            return duration;
        }

        double percent(Node node, String path) {
            if (!(node instanceof ScalarNode s) || !(s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
                problem(node, path, "expected a percentage as a number (5 means 5%), got " + kind(node));
                return Thresholds.DEFAULT_PERCENT;
            }
            double value = Double.parseDouble(s.getValue());
            if (!(value > 0 && value < 100)) {
                problem(node, path, "must be more than 0 and less than 100 (percent), got " + s.getValue());
                return Thresholds.DEFAULT_PERCENT;
            }
            return value;
        }

        boolean optionalBoolean(Map<String, NodeTuple> keys, String path, String key, boolean fallback) {
            if (!keys.containsKey(key)) {
                return fallback;
            }
            Node node = keys.get(key).getValueNode();
            if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.BOOL)) {
                problem(node, path, "expected true or false, got " + kind(node));
                return fallback;
            }
            return Set.of("true", "yes", "on", "y").contains(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }

        String optionalChoice(Map<String, NodeTuple> keys, String path, String key, Set<String> allowed) {
            if (!keys.containsKey(key)) {
                return null;
            }
            Node node = keys.get(key).getValueNode();
            String value = string(node, path);
            if (value != null && !allowed.contains(value)) {
                problem(node, path, "'" + value + "' is not one of " + String.join(", ", allowed));
                return null;
            }
            return value;
        }

        /** A list of scalars; a single scalar counts as a list of one. */
        List<String> strings(Node node, String path, boolean emptyAllowed) {
            List<String> values = new ArrayList<>();
            for (Node item : items(node, path, emptyAllowed)) {
                String value = string(item, path + "[" + values.size() + "]");
                values.add(value == null ? "" : value);
            }
            return values;
        }

        List<String> choices(Node node, String path, Set<String> allowed, boolean emptyAllowed) {
            List<Node> items = items(node, path, emptyAllowed);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String value = string(items.get(i), path + "[" + i + "]");
                if (value != null && !allowed.contains(value)) {
                    problem(items.get(i), path + "[" + i + "]", "unknown profiler '" + value + "' (known: "
                            + String.join(", ", allowed) + ")");
                } else if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }

        private List<Node> items(Node node, String path, boolean emptyAllowed) {
            if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                return List.of(node);
            }
            if (!(node instanceof SequenceNode sequence)) {
                problem(node, path, "expected a list, got " + kind(node));
                return List.of();
            }
            if (sequence.getValue().isEmpty() && !emptyAllowed) {
                problem(node, path, "must not be empty");
            }
            return sequence.getValue();
        }

        List<Selector> selectors(Node node, String path) {
            List<Node> items = items(node, path, false);
            List<Selector> selectors = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String key = path + "[" + i + "]";
                String text = string(items.get(i), key);
                if (text == null) {
                    continue;
                }
                if (!FILTER.matcher(text).matches()) {
                    problem(items.get(i), key, "'" + text + "' is not a benchmark method name (a Java identifier,"
                            + " '*' matching any characters)");
                } else if (!seen.add(text)) {
                    problem(items.get(i), key, "'" + text + "' is listed twice");
                } else {
                    selectors.add(new Selector(this, items.get(i), key, text,
                            Pattern.compile(Pattern.quote(text).replace("*", "\\E.*\\Q"))));
                }
            }
            return selectors;
        }

        SequencedMap<String, MatrixEntry> matrix(Node node, String path) {
            SequencedMap<String, MatrixEntry> matrix = new LinkedHashMap<>();
            List<NodeTuple> tuples = tuples(node, path);
            if (node instanceof MappingNode && tuples.isEmpty()) {
                problem(node, path, "is empty: name at least one parameter, or leave 'matrix' out");
            }
            for (NodeTuple t : tuples) {
                String parameter = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (parameter == null) {
                    problem(t.getKeyNode(), path, "parameter names must be plain words, got " + kind(t.getKeyNode()));
                    continue;
                }
                String key = path + "." + parameter;
                if (matrix.containsKey(parameter)) {
                    problem(t.getKeyNode(), key, "duplicate key (first given on line "
                            + (matrix.get(parameter).keyNode().getStartMark().getLine() + 1) + ")");
                    continue;
                }
                Node valueNode = t.getValueNode();
                List<Node> items = items(valueNode, key, false);
                List<String> values = new ArrayList<>();
                List<Node> nodes = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    Node item = items.get(i);
                    if (!(item instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
                        problem(item, key + "[" + i + "]", "expected a single value, got " + kind(item));
                    } else if (s.getValue().contains(",") || s.getValue().contains("=")) {
                        problem(item, key + "[" + i + "]", "'" + s.getValue() + "' contains ',' or '=', which separate"
                                + " parameters in a benchmark's key");
                    } else if (values.contains(s.getValue())) {
                        problem(item, key + "[" + i + "]", "'" + s.getValue() + "' is listed twice");
                    } else {
                        values.add(s.getValue());
                        nodes.add(item);
                    }
                }
                matrix.put(parameter, new MatrixEntry(this, t.getKeyNode(), key, values, nodes));
            }
            return matrix;
        }

        Map<String, String> stringMap(Node node, String path) {
            Map<String, String> map = new TreeMap<>();
            for (NodeTuple t : tuples(node, path)) {
                String key = string(t.getKeyNode(), path);
                if (key == null) {
                    continue;
                }
                if (!NAME.matcher(key).matches()) {
                    problem(t.getKeyNode(), path + "." + key, "tag names are 1 to 100 letters, digits, '.', '_' or '-'");
                    continue;
                }
                String value = string(t.getValueNode(), path + "." + key);
                if (value != null && value.length() > 500) {
                    problem(t.getValueNode(), path + "." + key, "a tag value has at most 500 characters");
                } else if (value != null && map.put(key, value) != null) {
                    problem(t.getKeyNode(), path + "." + key, "duplicate key");
                }
            }
            return map;
        }

        private static String kind(Node node) {
            if (node == null) {
                return "nothing";
            }
            if (node instanceof MappingNode) {
                return "a mapping";
            }
            if (node instanceof SequenceNode) {
                return "a list";
            }
            ScalarNode scalar = (ScalarNode) node;
            if (scalar.getTag().equals(Tag.NULL)) {
                return "nothing (null)";
            }
            String type = scalar.getTag().equals(Tag.INT) ? "integer" : scalar.getTag().equals(Tag.FLOAT) ? "number"
                    : scalar.getTag().equals(Tag.BOOL) ? "boolean" : "text";
            return type + " '" + scalar.getValue() + "'";
        }
    }
}
