package org.worldbench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.worldbench.testsupport.golden.GoldenComparison;
import org.worldbench.testsupport.golden.GoldenModel;

import tools.jackson.databind.JsonNode;

/**
 * Every quantity of every case of every golden model, computed on skeletons built from the
 * golden files' own model definitions, equals DART's (see {@link GoldenComparison} for the
 * tolerance) — in both storages.
 */
class GoldenDynamicsTest {

    static Stream<Arguments> modelsAndStorages() {
        return GoldenModel.MODELS.stream()
                .flatMap(m -> Stream.of(StateStorage.values()).map(s -> Arguments.of(m, s)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("modelsAndStorages")
    void every_quantity_of_every_case_matches_dart(String model, StateStorage storage) {
        GoldenModel golden = GoldenModel.load(model);
        try (Skeleton skeleton = golden.build(storage)) {
            assertThat(skeleton.dofCount()).isEqualTo(golden.dofs());
            assertThat(skeleton.dofNames()).isEqualTo(golden.dofNames());
            assertThat(skeleton.bodies().stream().map(BodyNode::name).toList()).isEqualTo(golden.bodyNames());
            assertThat(skeleton.totalMass()).isCloseTo(golden.root.get("total_mass").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-12));

            GoldenComparison comparison = new GoldenComparison();
            for (JsonNode c : golden.cases()) {
                StateReport report = StateReport.compute(skeleton, GoldenModel.array(c.get("q")),
                        GoldenModel.array(c.get("dq")), GoldenModel.array(c.get("tau")),
                        GoldenModel.array(c.get("ddq_in")));
                comparison.compareCase(model + " case " + c.get("case").asInt(), report, c);
            }
            comparison.assertAllWithinTolerance(model + " (" + storage + ")");
        }
    }
}
