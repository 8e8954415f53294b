package org.worldbench.analysis.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.worldbench.analysis.VerdictSettings;

/**
 * The harness itself: it must reproduce what it is there to show, on a small budget (the full
 * tables in docs/verdicts.md come from {@link VerdictProof}).
 */
class SimulationTest {

    @Test
    void with_differing_forks_the_plain_u_test_floods_while_the_verdict_rule_stays_quiet() {
        Simulation simulation = new Simulation(5, 10, VerdictProof.JMH_SAMPLE_NOISE.withForkSigma(0.02), 20, 2,
                15, 0, new double[0], 7);

        List<Simulation.RuleResult> results = simulation.run(List.of(
                DecisionRule.worldbench(VerdictSettings.defaults().withBootstrapResamples(500)),
                DecisionRule.plainUTest(0.05)));

        assertThat(results.get(0).aaTotal()).isEqualTo(300);
        assertThat(results.get(0).aaRate()).isLessThanOrEqualTo(0.02);
        assertThat(results.get(1).aaRate()).isGreaterThan(0.10);
    }

    @Test
    void a_ten_percent_slowdown_is_found_by_every_rule() {
        Simulation simulation = new Simulation(5, 10, VerdictProof.JMH_SAMPLE_NOISE.withForkSigma(0.005), 10, 5,
                0, 10, new double[] {0.10}, 8);

        List<Simulation.RuleResult> results = simulation.run(List.of(
                DecisionRule.worldbench(VerdictSettings.defaults().withBootstrapResamples(500)),
                DecisionRule.plainUTest(0.05), DecisionRule.meanThreshold(0.05)));

        for (Simulation.RuleResult result : results) {
            assertThat(result.slowedTotal()[0]).isEqualTo(50);
            assertThat(result.power(0)).as(result.rule()).isGreaterThanOrEqualTo(0.8);
        }
    }

    @Test
    void unknown_options_are_rejected_with_the_known_ones_listed() {
        assertThatThrownBy(() -> VerdictProof.main(new String[] {"--forkz", "5"}))
                .hasMessageContaining("unknown option '--forkz'")
                .hasMessageContaining("--forks");
        assertThatThrownBy(() -> VerdictProof.main(new String[] {"--forks"}))
                .hasMessageContaining("option --forks needs a value");
    }
}
