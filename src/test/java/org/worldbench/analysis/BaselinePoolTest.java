package org.worldbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinePoolTest {

    private final Samples run1 = Samples.of(new double[] {1, 1}, new double[] {1.1});
    private final Samples run2 = Samples.of(new double[] {2, 2, 2});
    private final Samples run3 = Samples.of(new double[] {3}, new double[] {3.1, 3.2});

    @Test
    void the_last_k_runs_are_pooled_with_every_fork_kept_as_a_fork() {
        Samples pooled = BaselinePool.pool(List.of(run1, run2, run3), 2);

        assertThat(pooled.forkCount()).isEqualTo(3);
        assertThat(pooled.size()).isEqualTo(6);
        assertThat(pooled.fork(0)).containsExactly(2, 2, 2);
        assertThat(pooled.fork(2)).containsExactly(3.1, 3.2);
    }

    @Test
    void fewer_runs_than_k_pool_what_there_is() {
        assertThat(BaselinePool.pool(List.of(run1, run2), 5)).isEqualTo(run1.concat(run2));
        assertThat(BaselinePool.pool(List.of(), 3).size()).isZero();
    }

    @Test
    void whole_runs_pool_per_benchmark_over_the_union_of_keys() {
        Map<String, Samples> older = Map.of("a", run1, "b", run2);
        Map<String, Samples> newer = Map.of("a", run3);

        Map<String, Samples> pooled = BaselinePool.poolAll(List.of(older, newer), 2);

        assertThat(pooled.get("a")).isEqualTo(run1.concat(run3));
        assertThat(pooled.get("b")).isEqualTo(run2);
        assertThat(BaselinePool.poolAll(List.of(older, newer), 1)).containsOnlyKeys("a");
    }

    @Test
    void pooling_does_not_change_its_inputs() {
        BaselinePool.pool(List.of(run1, run2), 2);

        assertThat(run1.forkCount()).isEqualTo(2);
        assertThat(run1.fork(0)).containsExactly(1, 1);
    }

    @Test
    void k_below_one_is_rejected_with_its_name() {
        assertThatThrownBy(() -> BaselinePool.pool(List.of(run1), 0)).hasMessageContaining("k (runs to pool) must be at least 1");
    }
}
