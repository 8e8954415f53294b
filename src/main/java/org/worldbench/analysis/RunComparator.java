package org.worldbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges every benchmark metric of a run against its baseline.
 *
 * <h2>The rule</h2>
 * For each comparison: the ratio of medians (trial / baseline, all samples of a side pooled) with a
 * {@link HierarchicalBootstrap hierarchical bootstrap} interval, and a two-sided
 * {@link MannWhitney Mann–Whitney U} p-value on the same samples. The p-values of all comparisons of
 * the run are adjusted together by {@link BenjaminiHochberg}. Then, with {@code t} the minimum effect
 * and the band {@code [1/(1+t), 1+t]} (symmetric in log scale, so swapping trial and baseline swaps
 * IMPROVED and REGRESSED exactly):
 * <ul>
 *   <li><b>IMPROVED / REGRESSED</b> — <i>significant</i> (adjusted p ≤ the false discovery rate and
 *       the interval excludes 1) and the ratio lies outside the band; the direction (from the unit or
 *       an override) says which.</li>
 *   <li><b>INCONCLUSIVE</b> — the interval straddles the band's edge in a way that matters: the
 *       ratio lies outside the band but is not significant (it may be noise), or it is significant and
 *       inside the band but its interval reaches beyond it (a real change that may reach the minimum
 *       effect). The reason asks for more forks. Also every degenerate input: no baseline, another
 *       machine, NaN or infinite samples, too few forks or samples, a timing with zero variance, a unit
 *       without a direction, a ratio to zero.</li>
 *   <li><b>UNCHANGED</b> — the rest: the ratio lies inside the band and nothing significant reaches
 *       beyond it. The reason says whether the whole interval fits in the band (a confirmed
 *       "no change of that size") or only that no change was detected.</li>
 * </ul>
 * Requiring both the rank test (after Benjamini–Hochberg) and the fork-aware interval keeps the false
 * alarm rate at or below 1% when forks differ, where the rank test alone, blind to forks, is far too
 * eager; requiring the minimum effect keeps real but irrelevant changes quiet. docs/verdicts.md shows
 * the error rates measured.
 *
 * <h2>Zero</h2>
 * A ratio to zero is undefined. For bytes per operation a zero baseline is normal (code that does not
 * allocate), so when the baseline median is at or below {@link VerdictSettings#bytesZeroFloor()} the
 * comparison switches to the difference of medians (trial − baseline, in B/op) with the same bootstrap,
 * and the band becomes ± the floor: a jump from 0 B/op to anything above the floor that is significant
 * is REGRESSED whatever the time did. Both sides at or below the floor is UNCHANGED ("allocates
 * nothing"). For any other metric a zero baseline median is INCONCLUSIVE.
 *
 * <p>Not thread-safe (it reuses the bootstrap's scratch arrays): one instance per thread.
 */
public final class RunComparator {

    private final VerdictSettings settings;
    private final HierarchicalBootstrap bootstrap = new HierarchicalBootstrap();

    public RunComparator(VerdictSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public VerdictSettings settings() {
        return settings;
    }

    /** Judges every input; never throws for bad samples, only for a null argument. */
    public RunComparison compare(List<ComparisonInput> inputs, MachineCheck machine) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(machine, "machine");
        List<Prepared> prepared = new ArrayList<>(inputs.size());
        for (ComparisonInput input : inputs) {
            prepared.add(prepare(Objects.requireNonNull(input, "inputs contain null"), machine));
        }

        // Benjamini–Hochberg over every comparison that reached a test.
        double[] pValues = prepared.stream().filter(p -> p.decided == null).mapToDouble(p -> p.pValue).toArray();
        double[] adjusted = BenjaminiHochberg.adjust(pValues);

        List<Comparison> comparisons = new ArrayList<>(prepared.size());
        int next = 0;
        for (Prepared p : prepared) {
            comparisons.add(p.decided != null ? p.decided : classify(p, adjusted[next++], machine));
        }
        return new RunComparison(comparisons, machine, settings);
    }

    /** Judges one comparison alone (a run of one: no multiple-testing adjustment to share). */
    public Comparison compare(ComparisonInput input, MachineCheck machine) {
        return compare(List.of(input), machine).comparisons().getFirst();
    }

    /** Degenerate cases are decided here; the rest get their interval and p-value. */
    private Prepared prepare(ComparisonInput in, MachineCheck machine) {
        MetricUnit unit = MetricUnit.parse(in.unit());
        Optional<Direction> direction = in.overrides().direction().or(unit::direction);
        double minimumEffect = in.overrides().minimumEffect().orElse(settings.minimumEffect());
        Samples trial = in.trial().withoutEmptyForks();
        SampleSummary trialSummary = summary(trial);
        Optional<SampleSummary> baselineSummary = in.baseline().map(Samples::withoutEmptyForks).map(RunComparator::summary);
        Prepared p = new Prepared(in, direction, minimumEffect, trialSummary, baselineSummary);

        if (machine.status() == MachineCheck.Status.REFUSED) {
            return p.inconclusive(machine.describe());
        }
        if (in.baseline().isEmpty()) {
            return p.inconclusive("no baseline: the baseline has no samples of this benchmark metric");
        }
        Samples baseline = in.baseline().get().withoutEmptyForks();
        Optional<String> brokenTrial = trial.firstNonFinite();
        if (brokenTrial.isPresent()) {
            return p.inconclusive("trial sample " + brokenTrial.get() + " (JMH writes NaN or ±INF for a failed or "
                    + "overflowing measurement); no verdict on broken samples");
        }
        Optional<String> brokenBaseline = baseline.firstNonFinite();
        if (brokenBaseline.isPresent()) {
            return p.inconclusive("baseline sample " + brokenBaseline.get() + " (JMH writes NaN or ±INF for a failed "
                    + "or overflowing measurement); no verdict on broken samples");
        }
        Optional<String> tooFew = tooFew("trial", trial).or(() -> tooFew("baseline", baseline));
        if (tooFew.isPresent()) {
            return p.inconclusive(tooFew.get());
        }
        if (direction.isEmpty()) {
            return p.inconclusive("the unit '" + in.unit() + "' does not say whether lower or higher is better; "
                    + "set a direction override for this benchmark");
        }
        if (hasNegative(trial) || hasNegative(baseline)) {
            return p.inconclusive("negative samples: a ratio of medians needs values >= 0");
        }
        if (unit.kind() != MetricKind.BYTES && (trial.isConstant() || baseline.isConstant())) {
            String side = trial.isConstant() ? "trial" : "baseline";
            double value = (trial.isConstant() ? trial : baseline).fork(0)[0];
            return p.inconclusive("every " + side + " sample is " + number(value) + " " + in.unit()
                    + ": a timing without any variance is a timer-resolution artefact or a broken measurement");
        }

        double floor = unit.kind() == MetricKind.BYTES ? settings.bytesZeroFloor() : 0.0;
        Effect.Scale scale = Effect.Scale.RATIO;
        if (baselineSummary.orElseThrow().median() <= floor) {
            if (unit.kind() != MetricKind.BYTES) {
                return p.inconclusive("baseline median is " + number(baselineSummary.get().median()) + " " + in.unit()
                        + ": a ratio to zero is undefined");
            }
            if (trialSummary.median() <= floor) {
                return p.decided(Verdict.UNCHANGED, "allocates nothing on either side (both medians <= "
                        + number(floor) + " " + in.unit() + ")", Optional.empty(), Double.NaN);
            }
            scale = Effect.Scale.DIFFERENCE;
        }
        long trialSeed = Seeds.forSide(settings.seed(), in.benchmark(), in.metric(), trial);
        long baselineSeed = Seeds.forSide(settings.seed(), in.benchmark(), in.metric(), baseline);
        p.effect = bootstrap.interval(trial, baseline, scale, settings.bootstrapResamples(),
                settings.confidenceLevel(), trialSeed, baselineSeed);
        p.floor = floor;
        p.pValue = MannWhitney.test(trial.pooled(), baseline.pooled()).pValue();
        return p;
    }

    private Comparison classify(Prepared p, double adjustedP, MachineCheck machine) {
        Effect effect = p.effect;
        Direction direction = p.direction.orElseThrow();
        boolean ratio = effect.scale() == Effect.Scale.RATIO;
        double upper = ratio ? 1 + p.minimumEffect : p.floor;
        double lower = ratio ? 1 / (1 + p.minimumEffect) : -p.floor;
        boolean significant = adjustedP <= settings.falseDiscoveryRate() && effect.excludesNoChange();
        boolean beyond = effect.estimate() >= upper || effect.estimate() <= lower;
        boolean insideBand = effect.low() >= lower && effect.high() <= upper;

        String change = describeChange(effect, direction, p.input.unit());
        String stats = String.format(Locale.ROOT, "%s; Mann–Whitney p = %s, BH-adjusted %s (FDR %s)",
                describeInterval(effect, p.input.unit()), number(p.pValue), number(adjustedP),
                number(settings.falseDiscoveryRate()));
        String band = ratio ? "the " + percent(p.minimumEffect) + " minimum effect"
                : "the " + number(p.floor) + " " + p.input.unit() + " zero floor";
        Verdict verdict;
        String reason;
        if (significant && beyond) {
            boolean worse = direction.isWorse(effect.estimate(), effect.noChange());
            verdict = worse ? Verdict.REGRESSED : Verdict.IMPROVED;
            reason = change + ", beyond " + band + "; " + stats;
        } else if (beyond) {
            verdict = Verdict.INCONCLUSIVE;
            reason = change + ", beyond " + band + " but not significant: it may be noise; more forks or "
                    + "iterations are needed to tell; " + stats;
        } else if (significant && !insideBand) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "a significant change (" + change + ") whose interval reaches beyond " + band
                    + ": more forks or iterations are needed to tell its size; " + stats;
        } else {
            verdict = Verdict.UNCHANGED;
            String what = significant ? "a significant but small change (" + change + ")"
                    : "no significant change (" + change + ")";
            reason = what + (insideBand ? "; the whole interval lies within " + band
                    : "; the interval is wider than " + band + ", so only changes beyond it are ruled out")
                    + "; " + stats;
        }
        if (machine.status() == MachineCheck.Status.FORCED) {
            reason = machine.describe() + ": " + reason;
        }
        return p.toComparison(verdict, reason, Optional.of(effect), p.pValue, adjustedP);
    }

    private Optional<String> tooFew(String side, Samples samples) {
        if (samples.size() == 0) {
            return Optional.of(side + " has no samples (the benchmark failed or was not run)");
        }
        int forks = samples.forkCount();
        if (forks < settings.minimumForks()) {
            return Optional.of(side + " has " + forks + (forks == 1 ? " fork" : " forks") + "; at least "
                    + settings.minimumForks() + " per side are needed to see how much forks differ");
        }
        if (samples.size() < settings.minimumSamples()) {
            return Optional.of(side + " has " + samples.size() + (samples.size() == 1 ? " sample" : " samples")
                    + "; at least " + settings.minimumSamples() + " per side are needed");
        }
        return Optional.empty();
    }

    private static SampleSummary summary(Samples samples) {
        double median = samples.firstNonFinite().isPresent() ? Double.NaN : Medians.of(samples);
        return new SampleSummary(samples.nonEmptyForkCount(), samples.size(), median);
    }

    private static boolean hasNegative(Samples samples) {
        for (double[] fork : samples.forksUnsafe()) {
            for (double v : fork) {
                if (v < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describeChange(Effect effect, Direction direction, String unit) {
        if (effect.scale() == Effect.Scale.RATIO ? Math.abs(effect.estimate() - 1) < 0.0005
                : effect.estimate() == 0) {
            return "±0.0%"; // below the printed precision: neither better nor worse
        }
        String better = direction.isWorse(effect.estimate(), effect.noChange()) ? "worse" : "better";
        String side = direction == Direction.LOWER_IS_BETTER ? "lower is better" : "higher is better";
        String amount = effect.scale() == Effect.Scale.RATIO
                ? signedPercent(effect.estimate() - 1)
                : (effect.estimate() > 0 ? "+" : "") + number(effect.estimate()) + " " + unit + " from zero";
        return amount + " (" + better + ": " + side + " for " + unit + ")";
    }

    private static String describeInterval(Effect effect, String unit) {
        String level = percent(effect.confidenceLevel()) + " CI";
        if (effect.scale() == Effect.Scale.RATIO) {
            return level + " " + signedPercent(effect.low() - 1) + " to " + signedPercent(effect.high() - 1);
        }
        return level + " " + number(effect.low()) + " to " + number(effect.high()) + " " + unit;
    }

    static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    static String percent(double fraction) {
        String s = String.format(Locale.ROOT, "%.2f", fraction * 100);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s + "%";
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** A comparison on its way through the three phases. */
    private static final class Prepared {
        final ComparisonInput input;
        final Optional<Direction> direction;
        final double minimumEffect;
        final SampleSummary trial;
        final Optional<SampleSummary> baseline;
        Comparison decided;
        Effect effect;
        double floor;
        double pValue = Double.NaN;

        Prepared(ComparisonInput input, Optional<Direction> direction, double minimumEffect,
                 SampleSummary trial, Optional<SampleSummary> baseline) {
            this.input = input;
            this.direction = direction;
            this.minimumEffect = minimumEffect;
            this.trial = trial;
            this.baseline = baseline;
        }

        Prepared inconclusive(String reason) {
            return decided(Verdict.INCONCLUSIVE, reason, Optional.empty(), Double.NaN);
        }

        Prepared decided(Verdict verdict, String reason, Optional<Effect> effect, double p) {
            this.decided = toComparison(verdict, reason, effect, p, Double.NaN);
            return this;
        }

        Comparison toComparison(Verdict verdict, String reason, Optional<Effect> effect, double p, double adjusted) {
            return new Comparison(input.benchmark(), input.metric(), input.unit(), verdict, reason, direction, trial,
                    baseline, effect, p, adjusted, minimumEffect);
        }
    }
}
