package org.worldbench.benchmark.world;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The thread pattern of the parallel benchmarks and their controls: one single-thread executor (lane)
 * per thread, so lane t's work always runs on the same thread (which also builds and frees what it
 * touches, {@link #call}), and one operation is one task per lane, timed until all are done
 * ({@link #runAll}), or, for the one-thread half of a paired measurement, one lane's task alone
 * ({@link #runOne}).
 */
final class Lanes {

    private final List<ExecutorService> lanes = new ArrayList<>();
    private final List<Callable<Double>> tasks = new ArrayList<>();
    private final List<Future<Double>> running = new ArrayList<>();

    Lanes(int threads) {
        for (int t = 0; t < threads; t++) {
            lanes.add(Executors.newSingleThreadExecutor());
        }
    }

    int size() {
        return lanes.size();
    }

    /** Runs {@code work} on lane {@code t} and waits for its result (set-up and tear-down on the lane's own thread). */
    <T> T call(int t, Callable<T> work) throws InterruptedException, ExecutionException {
        return lanes.get(t).submit(work).get();
    }

    /** Lane {@code t}'s share of every operation; lanes get their tasks in order 0, 1, .... */
    void task(Callable<Double> task) {
        tasks.add(task);
    }

    /** One operation: every lane's task at once; the sum of their results, so none is dead code. */
    double runAll() throws InterruptedException, ExecutionException {
        running.clear();
        for (int t = 0; t < tasks.size(); t++) {
            running.add(lanes.get(t).submit(tasks.get(t)));
        }
        double sum = 0;
        for (Future<Double> f : running) {
            sum += f.get();
        }
        return sum;
    }

    /**
     * Lane {@code t}'s task alone, the others idle: the one-thread operation of a paired benchmark
     * ({@link PairedTimes}), submitted and awaited exactly as {@link #runAll} does with one lane.
     */
    double runOne(int t) throws InterruptedException, ExecutionException {
        return lanes.get(t).submit(tasks.get(t)).get();
    }

    void shutdown() throws InterruptedException {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
            lane.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
