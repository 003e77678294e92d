package dev.unitcost.workload;

import java.util.List;

/**
 * What to run against a decoder LLM: static batches over a sweep of batch sizes × input lengths ×
 * output lengths, greedy decoding at a forced output length unless {@code stopAtEos}.
 *
 * @param name short name used with {@code --workload}
 * @param task {@code generation}
 * @param description one line for people
 * @param batchSizes sequences per static batch, each &gt; 0
 * @param inputLengths prompt tokens per sequence, each &gt; 0
 * @param outputLengths tokens generated per sequence, each &gt; 0
 * @param warmupRepetitions whole batches run and discarded before each point
 * @param repetitions measured batches per point (3 or more for a median and a spread)
 * @param prompts {@code random} (seeded token ids from the vocabulary), {@code bundled:NAME} or a
 *     text file, tokenized with the model's own tokenizer
 * @param stopAtEos stop a sequence at end-of-sequence (default false: forced length)
 * @param seed seed for random prompts
 * @param adaptive more repetitions until the interval is tight enough ({@link Adaptive#DEFAULT} when not given)
 */
public record GenerationWorkload(
        String name,
        String task,
        String description,
        List<Integer> batchSizes,
        List<Integer> inputLengths,
        List<Integer> outputLengths,
        int warmupRepetitions,
        int repetitions,
        String prompts,
        Boolean stopAtEos,
        Long seed,
        Adaptive adaptive) implements Workload {

    public GenerationWorkload {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("required: name");
        }
        batchSizes = positive("batchSizes", batchSizes);
        inputLengths = positive("inputLengths", inputLengths);
        outputLengths = positive("outputLengths", outputLengths);
        if (warmupRepetitions < 0) {
            throw new IllegalArgumentException("warmupRepetitions must be >= 0, got " + warmupRepetitions);
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be >= 1, got " + repetitions);
        }
        prompts = prompts == null ? "random" : prompts;
        stopAtEos = stopAtEos != null && stopAtEos;
        seed = seed == null ? 42L : seed;
        adaptive = adaptive == null ? Adaptive.DEFAULT : adaptive;
        if (adaptive.maxRepetitions() < repetitions) {
            throw new IllegalArgumentException("adaptive.maxRepetitions (" + adaptive.maxRepetitions() + ") is below repetitions ("
                    + repetitions + ")");
        }
    }

    /** Every field but the repetition policy ({@link Adaptive#DEFAULT}). */
    public GenerationWorkload(String name, String task, String description, List<Integer> batchSizes, List<Integer> inputLengths,
            List<Integer> outputLengths, int warmupRepetitions, int repetitions, String prompts, Boolean stopAtEos, Long seed) {
        this(name, task, description, batchSizes, inputLengths, outputLengths, warmupRepetitions, repetitions, prompts, stopAtEos, seed,
                null);
    }

    private static List<Integer> positive(String field, List<Integer> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + ": at least one value is needed");
        }
        for (Integer v : values) {
            if (v == null || v < 1) {
                throw new IllegalArgumentException(field + ": every value must be >= 1, got " + v);
            }
        }
        return List.copyOf(values);
    }

    /** Input tokens per output token at one point, for blended prices. */
    public static double inputPerOutput(int inputLength, int outputLength) {
        return inputLength / (double) outputLength;
    }

    /** The same workload with other settings from the command line. */
    public GenerationWorkload with(List<Integer> newBatchSizes, Integer newRepetitions, Adaptive newAdaptive) {
        return new GenerationWorkload(name, task, description, newBatchSizes != null ? newBatchSizes : batchSizes, inputLengths,
                outputLengths, warmupRepetitions, newRepetitions != null ? newRepetitions : repetitions, prompts, stopAtEos, seed,
                newAdaptive != null ? newAdaptive : adaptive);
    }
}
