package org.worldbench.experiment.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot run, with every problem found (not only the first). Nothing was stored. */
public final class InvalidSpecException extends RuntimeException {

    private final transient List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems) {
        this(sorted(problems), true);
    }

    private InvalidSpecException(List<SpecProblem> problems, boolean sorted) {
        super(problems.size() + " problem(s) in the experiment spec:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** In file order: by file (the spec before the suite it names), then line. */
    private static List<SpecProblem> sorted(List<SpecProblem> problems) {
        List<String> files = problems.stream().map(SpecProblem::file).distinct().toList();
        return problems.stream().sorted(java.util.Comparator.comparingInt((SpecProblem p) -> files.indexOf(p.file()))
                .thenComparingInt(SpecProblem::line)).toList();
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
