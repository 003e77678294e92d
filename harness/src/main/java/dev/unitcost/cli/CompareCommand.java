package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.compare.Baselines;
import dev.unitcost.compare.Remeasured;
import dev.unitcost.compare.ReportComparison;
import dev.unitcost.compare.RunFingerprint;
import dev.unitcost.compare.StoredBaselines;
import dev.unitcost.compare.UnlikeRunsException;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.GateOutcome;
import dev.unitcost.result.History;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unitcost compare}: a candidate run against a baseline, for a nightly gate: exit 0 no
 * regression, 1 a regression (confirmed, with {@code --confirm}), 2 bad input or unlike runs, 3 a
 * regression the confirm step could not decide.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare a run with a baseline and fail (exit 1) when a figure regressed.",
            "",
            "Matching sweep points are compared on throughput (Welch's t-test over repetitions), latency percentiles, "
                    + "USD per 1M tokens (same hardware profile only) and joules per token (same method only). "
                    + "A figure regresses when it is worse by more than --threshold and the repetitions show it is real.",
            "Runs that differ in runtime, CPU, threads, GPU, engine, model, workload or hardware profile are refused (exit 2) "
                    + "unless --allow-different, which lists the differences.",
            "BASELINE may be 'last' or 'median:N': the latest run(s) in the results directory with the candidate's model file, "
                    + "engine, devices and workload.",
            "--confirm judges each regression again against the figure's history: confirmed (exit 1) only when the candidate "
                    + "is also outside the history's range by more than --threshold and, for repeated figures, worse than the history's "
                    + "pooled repetitions (one-sided t-test at --alpha); within it, rejected; otherwise inconclusive (exit 3). "
                    + "With --remeasure N the points that regressed are measured again N times on this machine (alternating with "
                    + "the baseline's configuration when it differs from the candidate's), and a regression stands only when it shows "
                    + "again (otherwise: not reproduced)."
        })
public final class CompareCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "report file, run id, 'last' or 'median:N' (from the results directory)")
    String baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "report file or run id (in the results directory)")
    String candidate;

    @Option(names = "--threshold", defaultValue = "5", paramLabel = "PERCENT",
            description = "relative change that counts (default: ${DEFAULT-VALUE}%%)")
    double thresholdPercent;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "P",
            description = "significance level of the t-tests (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--allow-different", description = "compare runs made with different runtimes, machines, settings or models, listing the differences")
    boolean allowDifferent;

    @Option(names = "--confirm", description = "judge regressions again against the figure's history (exit 3 when it cannot decide)")
    boolean confirm;

    @Option(names = "--history", arity = "1..*", paramLabel = "FILE",
            description = "reports (files or run ids) the confirm step uses; default: the latest --history-runs runs with the candidate's fingerprint")
    List<String> history;

    @Option(names = "--remeasure", defaultValue = "0", paramLabel = "ROUNDS",
            description = "measure regressed points again, ROUNDS times, before calling them regressed (default: ${DEFAULT-VALUE}, off)")
    int remeasureRounds;

    @Option(names = "--history-runs", defaultValue = "10", paramLabel = "N",
            description = "runs the confirm step takes from the results directory without --history (default: ${DEFAULT-VALUE})")
    int historyRuns;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|markdown|json", description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "where run ids, 'last' and 'median:N' are looked up (default: results/)")
    Path resultsDir;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true,
            description = "the unitcost checkout --remeasure plans in (default: -Dunitcost.home or the working directory)")
    Path projectDir;

    @Override
    public Integer call() {
        checkOptions();
        ReportFormat output = ReportFormats.byName(format);
        Path dir = resultsDir != null ? resultsDir : ProjectLayout.detect().results();
        JsonResultStore store = new JsonResultStore(dir);
        RunReport cand = store.load(candidate);
        List<String> notes = new ArrayList<>();
        RunReport base;
        try {
            if (Baselines.isRule(baseline)) {
                Baselines.Baseline resolved = Baselines.resolve(baseline, cand, new StoredBaselines(store));
                base = resolved.report();
                notes.add(resolved.description());
            } else {
                base = store.load(baseline);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        List<RunReport> past = null;
        if (confirm) {
            past = history != null ? history.stream().map(store::load).toList()
                    : new StoredBaselines(store).lastN(RunFingerprint.of(cand), cand.header().startedAt(), historyRuns);
        }
        Comparison result;
        try {
            result = ReportComparison.compare(base, cand, new ReportComparison.Settings(thresholdPercent / 100, alpha, allowDifferent, past));
        } catch (UnlikeRunsException e) {
            throw new InputException("cannot compare " + baseline + " with " + candidate + ": unlike runs: "
                    + e.differences().stream().map(Object::toString).collect(Collectors.joining("; ")) + " (--allow-different to compare anyway)", e);
        } catch (IllegalArgumentException e) {
            throw new InputException("cannot compare " + baseline + " with " + candidate + ": " + e.getMessage(), e);
        }
        if (remeasureRounds > 0 && (result.regressed() || result.inconclusive())) {
            result = remeasure(base, cand, result);
        }
        if (!notes.isEmpty()) {
            notes.addAll(result.notes());
            result = new Comparison(result.baselineRunId(), result.candidateRunId(), result.threshold(), result.alpha(), result.metrics(),
                    notes, result.historyRuns());
        }
        Comparison shown = result;
        Output.write(spec.commandLine().getOut(), w -> output.write(shown, w));
        int exit = result.regressed() ? ExitCodes.REGRESSION : result.inconclusive() ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
        String baselineText = Baselines.isRule(baseline) ? notes.get(0) : "run " + base.runId();
        recordGate(dir, cand.runId(), GateOutcome.of(result, baselineText, exit, Instant.now()));
        return exit;
    }

    /**
     * Keeps the outcome in the results directory's history when the candidate is a run it holds;
     * without a history nothing is recorded. A failure to record is reported, and the gate's exit
     * code stands: the decision matters more than its record.
     */
    private void recordGate(Path dir, String candidateRunId, GateOutcome outcome) {
        try {
            History.openExisting(dir).ifPresent(h -> {
                try (h) {
                    h.recordGate(candidateRunId, outcome);
                }
            });
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("unitcost: warning: the gate outcome was not recorded: " + e.getMessage());
        }
    }

    /** The regressed points measured again; the regression stands only where it shows again. */
    private Comparison remeasure(RunReport base, RunReport cand, Comparison result) {
        List<Integer> batches = regressedBatchSizes(result);
        Remeasure again = new Remeasure(CliChecks.layout(projectDir), new ConsoleProgress(spec.commandLine().getErr()));
        boolean alternate = !Remeasure.sameConfiguration(base, cand);
        List<RunReport> baseRuns = new ArrayList<>();
        List<RunReport> candRuns = new ArrayList<>();
        for (int round = 0; round < remeasureRounds; round++) {
            if (alternate) {
                baseRuns.add(again.measure(base, batches));
            }
            candRuns.add(again.measure(cand, batches));
        }
        RunReport newBase = alternate ? Remeasured.pool(baseRuns) : base;
        Comparison second = ReportComparison.compare(newBase, Remeasured.pool(candRuns),
                new ReportComparison.Settings(thresholdPercent / 100, alpha, true, null));
        String how = remeasureRounds + " round(s) of " + (batches.isEmpty() ? "every point" : "batch " + batches)
                + (alternate ? ", alternating with the baseline's configuration" : ", against the stored baseline");
        return Remeasured.judge(result, second, how);
    }

    /** The batch sizes of the figures that regressed; empty (every point) when a whole-run figure did. */
    static List<Integer> regressedBatchSizes(Comparison result) {
        java.util.TreeSet<Integer> sizes = new java.util.TreeSet<>();
        for (var m : result.metrics()) {
            if (m.verdict() != dev.unitcost.result.MetricComparison.Verdict.REGRESSED
                    && m.verdict() != dev.unitcost.result.MetricComparison.Verdict.INCONCLUSIVE) {
                continue;
            }
            java.util.regex.Matcher batch = java.util.regex.Pattern.compile("^batch (\\d+)").matcher(m.point());
            if (!batch.find()) {
                return List.of();
            }
            sizes.add(Integer.parseInt(batch.group(1)));
        }
        return List.copyOf(sizes);
    }

    private void checkOptions() {
        if (remeasureRounds < 0 || remeasureRounds > 20) {
            throw InputException.option("--remeasure", "expected 0 to 20 rounds, got " + remeasureRounds);
        }
        if (!(thresholdPercent >= 0 && thresholdPercent < 100)) {
            throw InputException.option("--threshold", "must be in [0, 100) percent, got " + thresholdPercent);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw InputException.option("--alpha", "must be in (0, 1), got " + alpha);
        }
        if (history != null && !confirm) {
            throw InputException.option("--history", "is used by --confirm only; add --confirm");
        }
        if (historyRuns < 1) {
            throw InputException.option("--history-runs", "must be >= 1, got " + historyRuns);
        }
    }
}
