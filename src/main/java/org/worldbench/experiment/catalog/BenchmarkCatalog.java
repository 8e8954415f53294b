package org.worldbench.experiment.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeMap;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * Every benchmark compiled into this build, read from JMH's {@code META-INF/BenchmarkList} at run
 * time: the list specs are validated against ("unknown benchmark", "unknown parameter").
 *
 * <p>A benchmark is known by its method name alone, so method names must be unique across the
 * suite: a duplicate is refused when the catalogue is loaded, naming both classes.
 */
public final class BenchmarkCatalog {

    private final SequencedMap<String, BenchmarkDefinition> byName;

    BenchmarkCatalog(Collection<BenchmarkDefinition> definitions) {
        Map<String, BenchmarkDefinition> sorted = new TreeMap<>();
        for (BenchmarkDefinition d : definitions) {
            BenchmarkDefinition clash = sorted.putIfAbsent(d.name(), d);
            if (clash != null && !clash.className().equals(d.className())) {
                throw new IllegalStateException("benchmark method name '" + d.name() + "' is declared twice, in "
                        + clash.className() + " and " + d.className() + ": method names are database keys and must be unique");
            }
        }
        this.byName = new LinkedHashMap<>(sorted);
    }

    /** The catalogue of the benchmarks on the class path of {@code loader}. */
    public static BenchmarkCatalog load(ClassLoader loader) {
        List<BenchmarkListEntry> entries = new ArrayList<>();
        try {
            var resources = loader.getResources(BenchmarkList.BENCHMARK_LIST.substring(1));
            while (resources.hasMoreElements()) {
                try (InputStream in = resources.nextElement().openStream()) {
                    entries.addAll(BenchmarkList.readBenchmarkList(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BenchmarkList.BENCHMARK_LIST, e);
        }
        Map<String, BenchmarkDefinition> definitions = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : entries) {
            String username = entry.getUsername();
            String method = username.substring(username.lastIndexOf('.') + 1);
            // JMH lists one entry per mode when a benchmark declares several; the first one stands for it.
            definitions.putIfAbsent(entry.getUserClassQName() + "#" + method,
                    new BenchmarkDefinition(method, entry.getUserClassQName(), entry.getMode(),
                            parameters(entry, method, loader)));
        }
        return new BenchmarkCatalog(definitions.values());
    }

    public static BenchmarkCatalog ofClassPath() {
        return load(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : BenchmarkCatalog.class.getClassLoader());
    }

    public Optional<BenchmarkDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<BenchmarkDefinition> all() {
        return byName.values();
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    private static SequencedMap<String, ParameterDefinition> parameters(BenchmarkListEntry entry, String method,
            ClassLoader loader) {
        SequencedMap<String, ParameterDefinition> parameters = new LinkedHashMap<>();
        Map<String, String[]> declared = entry.getParams().orElse(Map.of());
        declared.keySet().stream().sorted().forEach(name -> parameters.put(name,
                new ParameterDefinition(name, Arrays.asList(declared.get(name)),
                        fieldType(entry.getUserClassQName(), method, name, loader))));
        return parameters;
    }

    /**
     * The type of the {@code @Param} field named {@code parameter}: declared on the benchmark class, a
     * superclass, or a {@code @State} class the method takes. Null if reflection cannot find it, in which
     * case values are not type-checked here (JMH still checks them in the fork).
     */
    private static Class<?> fieldType(String className, String method, String parameter, ClassLoader loader) {
        try {
            Class<?> benchmarkClass = Class.forName(className, false, loader);
            List<Class<?>> candidates = new ArrayList<>();
            candidates.add(benchmarkClass);
            Arrays.stream(benchmarkClass.getMethods()).filter(m -> m.getName().equals(method))
                    .map(Method::getParameterTypes).flatMap(Arrays::stream).forEach(candidates::add);
            for (Class<?> candidate : candidates) {
                for (Class<?> c = candidate; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (field.getName().equals(parameter) && field.isAnnotationPresent(Param.class)) {
                            return field.getType();
                        }
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return null;
    }

    /** Names sorted by edit distance to {@code unknown}: the "did you mean" of error messages. */
    public static List<String> closest(String unknown, Collection<String> known, int limit) {
        return known.stream().sorted(Comparator.comparingInt((String k) -> editDistance(unknown, k)).thenComparing(k -> k))
                .limit(limit).toList();
    }

    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
