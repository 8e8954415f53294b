package org.worldbench.batch.experiment;

import java.nio.file.Path;

import org.springframework.stereotype.Component;
import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.spec.ExperimentSpec;
import org.worldbench.experiment.spec.ExperimentSpecParser;
import org.worldbench.experiment.spec.ImportSnapshot;
import org.worldbench.results.Run;

/** Parses specs against this build's benchmark catalogue (read once per process). */
@Component
public class ExperimentSpecs {

    private volatile BenchmarkCatalog catalog;

    public BenchmarkCatalog catalog() {
        BenchmarkCatalog loaded = catalog;
        if (loaded == null) {
            loaded = BenchmarkCatalog.ofClassPath();
            catalog = loaded;
        }
        return loaded;
    }

    /** Parses a spec file; {@code suite: NAME} is looked up as {@code ../suites/NAME.yaml} next to the spec's folder. */
    public ExperimentSpec parse(Path specFile) {
        return parser(specFile).parse(specFile);
    }

    public static ExperimentSpecParser parser(BenchmarkCatalog catalog, Path specFile) {
        Path folder = specFile.toAbsolutePath().getParent();
        Path suites = folder.getParent() != null ? folder.getParent().resolve("suites") : folder.resolve("suites");
        return new ExperimentSpecParser(catalog, suites);
    }

    private ExperimentSpecParser parser(Path specFile) {
        return parser(catalog(), specFile);
    }

    /** The spec a run was planned from: its stored canonical snapshot, which names no suite file (an import's own snapshot for imported runs). */
    public ExperimentSpec snapshotOf(Run run) {
        if (run.isImported()) {
            return ImportSnapshot.parse(run.getSpecSnapshot()); // another tool's benchmarks are not in the catalogue
        }
        return new ExperimentSpecParser(catalog(), Path.of("."))
                .parse("run " + run.getId() + " snapshot", run.getSpecSnapshot());
    }
}
