package org.worldbench.analysis.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.worldbench.analysis.Samples;
import org.worldbench.analysis.VerdictSettings;

class RunProofTest {

    /** Quiet machine: 1% iteration noise, 0.5% fork spread, no outliers (docs/verdicts.md). */
    private static final NoiseModel QUIET = new NoiseModel(0.005, 0.01, 0, 0);

    @Test
    void aa_pairs_match_equal_benchmarks_and_leave_out_the_rest() {
        List<RunProof.Trial> run = List.of(trial("a", Map.of("n", "1"), 1, 100), trial("b", Map.of(), 2, 100));
        List<RunProof.Trial> baseline = List.of(trial("a", Map.of("n", "1"), 3, 100), trial("a", Map.of("n", "2"), 4, 100));

        List<RunProof.Pair> pairs = RunProof.aaPairs(run, baseline);

        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("a{n=1}");
            assertThat(p.trial()).isEqualTo(run.getFirst().samples());
            assertThat(p.baseline()).isEqualTo(baseline.getFirst().samples());
        });
    }

    @Test
    void power_pairs_put_each_slowdown_against_zero_with_the_same_other_parameters() {
        List<RunProof.Trial> run = new ArrayList<>();
        for (String size : List.of("1", "2")) {
            for (String slowdown : List.of("0", "5", "10")) {
                run.add(trial("synthetic", Map.of("size", size, "slowdown", slowdown), run.size(), 100));
            }
        }

        Map<String, List<RunProof.Pair>> levels = RunProof.powerPairs(run, "slowdown");

        assertThat(levels).containsOnlyKeys("5", "10");
        assertThat(levels.get("5")).extracting(RunProof.Pair::label)
                .containsExactly("synthetic{size=1, slowdown=5}", "synthetic{size=2, slowdown=5}");
        assertThat(levels.get("10").get(1).baseline()).isEqualTo(run.get(3).samples()); // size 2, slowdown 0
    }

    @Test
    void on_quiet_samples_ours_flags_no_aa_pair_and_every_ten_percent_slowdown() {
        List<RunProof.Pair> aa = new ArrayList<>();
        List<RunProof.Pair> slowed = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            aa.add(new RunProof.Pair("aa" + b, sample(100 + b, 100), sample(200 + b, 100)));
            slowed.add(new RunProof.Pair("slow" + b, sample(300 + b, 110), sample(400 + b, 100)));
        }
        List<DecisionRule> rules = RunProof.rules(VerdictSettings.defaults());

        List<RunProof.Count> aaCounts = RunProof.judge(aa, "ns/op", rules);
        List<RunProof.Count> power = RunProof.judge(slowed, "ns/op", rules);

        assertThat(aaCounts).extracting(RunProof.Count::rule)
                .containsExactly("worldbench verdict", "plain U test, α = 0.05", "mean moved ≥ 5%");
        assertThat(aaCounts.getFirst().flagged()).isZero();
        assertThat(aaCounts.getFirst().total()).isEqualTo(20);
        assertThat(power.getFirst().regressed()).isEqualTo(20);
        assertThat(power.get(2).regressed()).as("the mean moved by 10%, beyond its 5% threshold").isEqualTo(20);
    }

    private static RunProof.Trial trial(String name, Map<String, String> parameters, long seed, double median) {
        return new RunProof.Trial(name, parameters, sample(seed, median));
    }

    private static Samples sample(long seed, double median) {
        return QUIET.sample(new SplittableRandom(seed), 5, 10, median);
    }
}
