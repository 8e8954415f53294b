package org.worldbench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.worldbench.batch.experiment.TrialProgress;

/**
 * The measure step's progress: trial i of n (in interleaved order also the round, e.g.
 * {@code [round 2/5] [17/30]}), the current benchmark, elapsed time and ETA.
 *
 * <p>On a terminal it is one line redrawn every second; otherwise (CI logs, pipes) one line per
 * step start and end, so logs stay readable. A step is a trial, or in interleaved order one fork of
 * a trial. The ETA is the mean duration of the steps finished so far (the nominal warm-up plus
 * measurement time, plus a JVM start per fork, before the first) times the steps left, minus the
 * time already spent on the current one.
 */
final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 24;
    /** Rough JVM start-up and JMH set-up per fork, used only until the first trial has finished. */
    private static final Duration FORK_OVERHEAD = Duration.ofSeconds(2);

    private final PrintWriter out;
    private final boolean terminal;
    private final int forks;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile TrialProgress current;
    private volatile long currentStartNanos;
    private volatile int finishedHere;
    private volatile long finishedNanos;
    private volatile int lastLength;

    ProgressBar(PrintWriter out, boolean terminal, int forks) {
        this.out = out;
        this.terminal = terminal;
        this.forks = forks;
        if (terminal) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress-bar");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    synchronized void on(TrialProgress event) {
        long now = System.nanoTime();
        if (event.phase() == TrialProgress.Phase.STARTED) {
            current = event;
            currentStartNanos = now;
        } else {
            finishedHere++;
            finishedNanos += now - currentStartNanos;
            current = event;
        }
        if (terminal) {
            redraw();
        } else {
            String what = switch (event.phase()) {
                case STARTED -> "measuring";
                case MEASURED -> "measured ";
                case FAILED -> "FAILED   ";
            };
            out.printf(Locale.ROOT, "%s %s %s  (elapsed %s, ETA %s)%s%n", where(event), what, event.label(),
                    clock(Duration.ofNanos(now - startNanos)), clock(eta(event, now)),
                    event.failure() == null ? "" : ": " + event.failure());
            out.flush();
        }
    }

    /** {@code [3/30]} (trial 3 of 30), or {@code [round 2/5] [17/30]} (17th of the 30 trials of round 2 of 5). */
    private static String where(TrialProgress event) {
        TrialProgress.Round round = event.round();
        return round == null ? String.format(Locale.ROOT, "[%d/%d]", event.ordinal(), event.total())
                : String.format(Locale.ROOT, "[round %d/%d] [%d/%d]", round.number(), round.count(), round.position(), round.size());
    }

    private Duration eta(TrialProgress event, long now) {
        Duration perTrial = finishedHere > 0 ? Duration.ofNanos(finishedNanos / finishedHere)
                : event.nominal().plus(FORK_OVERHEAD.multipliedBy(event.round() == null ? forks : 1));
        int left = event.total() - event.done();
        Duration remaining = perTrial.multipliedBy(left);
        if (event.phase() == TrialProgress.Phase.STARTED) {
            remaining = remaining.minus(Duration.ofNanos(now - currentStartNanos));
        }
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    private synchronized void redraw() {
        TrialProgress event = current;
        if (event == null) {
            return;
        }
        long now = System.nanoTime();
        int filled = event.total() == 0 ? WIDTH : (int) ((long) WIDTH * event.done() / event.total());
        String step = event.round() == null
                ? String.format(Locale.ROOT, "%d/%d", Math.min(event.done() + (event.phase() == TrialProgress.Phase.STARTED ? 1 : 0),
                        event.total()), event.total())
                : where(event);
        String line = String.format(Locale.ROOT, "[%s%s] %s %s  elapsed %s  ETA %s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), step, shorten(event.label(), 50),
                clock(Duration.ofNanos(now - startNanos)), clock(eta(event, now)));
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            if (current != null) {
                out.println();
                out.flush();
            }
        }
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
