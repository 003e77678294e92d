package dev.unitcost.result;

import dev.unitcost.result.ResultStore.HistoryEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history as trends: stored runs grouped by setup (fingerprint), each run with the gate
 * outcomes recorded for it, oldest first. What {@code unitcost history --html} draws: one line per
 * setup for each {@link HistoryMetric}, with the runs where the gate fired marked.
 *
 * @param model only runs of this model, when not null
 * @param hardware only runs on this hardware profile, when not null
 * @param setups the setups, in the order of their first run
 * @param runsWithoutSetup runs left out because the history has no fingerprint for them (migrated from an index whose report is gone)
 * @param gates every gate outcome recorded for a run shown, oldest first
 */
public record HistoryTrend(String model, String hardware, List<Setup> setups, int runsWithoutSetup, List<GateOutcome.Recorded> gates) {

    public HistoryTrend {
        setups = List.copyOf(setups);
        gates = List.copyOf(gates);
    }

    /**
     * One setup's runs.
     *
     * @param fingerprint what its runs share
     * @param runs its runs, oldest first
     */
    public record Setup(Fingerprint fingerprint, List<Run> runs) {

        public Setup {
            runs = List.copyOf(runs);
        }

        /** The model name of its latest run (a setup is one model file; the name is what the report called it). */
        public String model() {
            return runs.get(runs.size() - 1).entry().model();
        }
    }

    /**
     * One run and what the gate decided about it.
     *
     * @param gates the outcomes recorded for it, oldest first; empty when compare never judged it
     */
    public record Run(HistoryEntry entry, List<GateOutcome> gates) {

        public Run {
            gates = List.copyOf(gates);
        }

        /** Whether the gate fired on this run at least once. */
        public boolean fired() {
            return gates.stream().anyMatch(GateOutcome::fired);
        }
    }

    /**
     * The trend of {@code entries} (oldest first) with the {@code gates} recorded for them.
     *
     * @param model keep runs whose model name equals this (ignoring case); null keeps every model
     * @param hardware keep runs whose hardware profile equals this (ignoring case); null keeps all
     */
    public static HistoryTrend of(List<HistoryEntry> entries, List<GateOutcome.Recorded> gates, String model, String hardware) {
        Map<String, List<GateOutcome>> byRun = new LinkedHashMap<>();
        gates.forEach(g -> byRun.computeIfAbsent(g.candidateRunId(), k -> new ArrayList<>()).add(g.outcome()));
        Map<String, Fingerprint> fingerprints = new LinkedHashMap<>();
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        Set<String> shown = new HashSet<>();
        int without = 0;
        for (HistoryEntry e : entries) {
            if (!matches(model, e.model()) || !matches(hardware, e.hardwareProfile())) {
                continue;
            }
            if (e.fingerprint() == null) {
                without++;
                continue;
            }
            String key = e.fingerprint().key();
            fingerprints.putIfAbsent(key, e.fingerprint());
            runs.computeIfAbsent(key, k -> new ArrayList<>()).add(new Run(e, byRun.getOrDefault(e.runId(), List.of())));
            shown.add(e.runId());
        }
        List<Setup> setups = new ArrayList<>();
        runs.forEach((key, list) -> setups.add(new Setup(fingerprints.get(key), list)));
        List<GateOutcome.Recorded> kept = gates.stream().filter(g -> shown.contains(g.candidateRunId())).toList();
        return new HistoryTrend(model, hardware, setups, without, kept);
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }
}
