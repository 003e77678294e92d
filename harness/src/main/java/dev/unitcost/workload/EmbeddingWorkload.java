package dev.unitcost.workload;

import java.util.List;

/**
 * What to run against an encoder: a batch-size sweep over fixed-length sequences packed from a
 * text corpus. One YAML file under {@code profiles/workloads/}.
 *
 * @param name short name used with {@code --workload}
 * @param task {@code embedding}
 * @param description one line for people
 * @param sequenceLength tokens per sequence, special tokens included
 * @param batchSizes the sweep, each &gt; 0
 * @param warmupIterations batches run and discarded before each point
 * @param repetitions measured repetitions per point (at least 3, for a median and a spread)
 * @param minRepetitionSeconds each repetition runs batches until at least this long has passed
 * @param minIterationsPerRepetition and at least this many batches
 * @param corpus {@code bundled:NAME} or a path to a UTF-8 text file
 * @param adaptive more repetitions until the interval is tight enough ({@link Adaptive#DEFAULT} when not given)
 */
public record EmbeddingWorkload(
        String name,
        String task,
        String description,
        int sequenceLength,
        List<Integer> batchSizes,
        int warmupIterations,
        int repetitions,
        double minRepetitionSeconds,
        int minIterationsPerRepetition,
        String corpus,
        Adaptive adaptive) implements Workload {

    public EmbeddingWorkload {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("required: name");
        }
        if (!"embedding".equals(task)) {
            throw new IllegalArgumentException("expected task: embedding, got " + task);
        }
        if (sequenceLength < 3) {
            throw new IllegalArgumentException("sequenceLength must be >= 3 (special tokens plus text), got " + sequenceLength);
        }
        try {
            batchSizes = checkBatchSizes(batchSizes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("batchSizes: " + e.getMessage(), e);
        }
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warmupIterations must be >= 0, got " + warmupIterations);
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be >= 1, got " + repetitions);
        }
        if (!(minRepetitionSeconds >= 0)) {
            throw new IllegalArgumentException("minRepetitionSeconds must be >= 0, got " + minRepetitionSeconds);
        }
        if (minIterationsPerRepetition < 1) {
            throw new IllegalArgumentException("minIterationsPerRepetition must be >= 1, got " + minIterationsPerRepetition);
        }
        if (corpus == null || corpus.isBlank()) {
            throw new IllegalArgumentException("required: corpus (bundled:NAME or a text file)");
        }
        adaptive = adaptive == null ? Adaptive.DEFAULT : adaptive;
        if (adaptive.maxRepetitions() < repetitions) {
            throw new IllegalArgumentException("adaptive.maxRepetitions (" + adaptive.maxRepetitions() + ") is below repetitions ("
                    + repetitions + ")");
        }
    }

    /** Every field but the repetition policy ({@link Adaptive#DEFAULT}). */
    public EmbeddingWorkload(String name, String task, String description, int sequenceLength, List<Integer> batchSizes,
            int warmupIterations, int repetitions, double minRepetitionSeconds, int minIterationsPerRepetition, String corpus) {
        this(name, task, description, sequenceLength, batchSizes, warmupIterations, repetitions, minRepetitionSeconds,
                minIterationsPerRepetition, corpus, null);
    }

    /** Checks a batch-size list: non-empty, each &gt; 0. Returns an immutable copy. */
    public static List<Integer> checkBatchSizes(List<Integer> batchSizes) {
        if (batchSizes == null || batchSizes.isEmpty()) {
            throw new IllegalArgumentException("at least one batch size is needed");
        }
        for (Integer b : batchSizes) {
            if (b == null || b < 1) {
                throw new IllegalArgumentException("every batch size must be >= 1, got " + b);
            }
        }
        return List.copyOf(batchSizes);
    }

    /** The same workload with other settings from the command line. */
    public EmbeddingWorkload with(List<Integer> newBatchSizes, Integer newRepetitions, Integer newSequenceLength, Adaptive newAdaptive) {
        return new EmbeddingWorkload(name, task, description,
                newSequenceLength != null ? newSequenceLength : sequenceLength,
                newBatchSizes != null ? newBatchSizes : batchSizes,
                warmupIterations,
                newRepetitions != null ? newRepetitions : repetitions,
                minRepetitionSeconds, minIterationsPerRepetition, corpus, newAdaptive != null ? newAdaptive : adaptive);
    }
}
