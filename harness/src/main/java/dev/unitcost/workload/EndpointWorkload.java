package dev.unitcost.workload;

import java.util.List;

/**
 * What to send to a running server: a load sweep (closed-loop concurrency levels, open-loop
 * request rates, or a saturation search), the requests' lengths, and the prompts.
 *
 * @param name short name used with {@code --workload}
 * @param task {@code endpoint}
 * @param description one line for people
 * @param concurrency closed-loop levels (users sending back to back); empty when rates are given
 * @param rates open-loop request rates (requests/s); empty when concurrency is given
 * @param saturate raise concurrency (1, 2, 4, ...) until output throughput stops growing
 * @param maxConcurrency where a saturation search stops at the latest
 * @param burstiness gamma shape of the open loop's inter-arrival times (1 = Poisson)
 * @param inputLength prompt tokens per request
 * @param outputLength output tokens asked for per request ({@code max_tokens})
 * @param sharedPrefix share of each prompt's tokens that is one prefix common to every request, in [0, 1)
 * @param prompts {@code bundled:NAME} or a text file the prompts are cut from
 * @param requests measured requests per repetition of a point
 * @param warmupRequests requests sent at the point's load and discarded before it is measured
 * @param repetitions measured repetitions per point (the minimum when {@code adaptive})
 * @param stopAtEos let the server stop at end-of-sequence (default false: a forced length is asked for)
 * @param seed for lengths, prompts and arrivals
 * @param requestTimeoutSeconds how long one request may take
 * @param adaptive more repetitions until the interval of output tokens/s is tight enough
 */
public record EndpointWorkload(
        String name, String task, String description, List<Integer> concurrency, List<Double> rates, Boolean saturate,
        Integer maxConcurrency, Double burstiness, Lengths inputLength, Lengths outputLength, Double sharedPrefix, String prompts,
        Integer requests, Integer warmupRequests, Integer repetitions, Boolean stopAtEos, Long seed, Double requestTimeoutSeconds,
        Adaptive adaptive) implements Workload {

    public EndpointWorkload {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("required: name");
        }
        concurrency = concurrency == null ? List.of() : List.copyOf(concurrency);
        rates = rates == null ? List.of() : List.copyOf(rates);
        saturate = saturate != null && saturate;
        maxConcurrency = maxConcurrency == null ? 256 : maxConcurrency;
        burstiness = burstiness == null ? 1.0 : burstiness;
        sharedPrefix = sharedPrefix == null ? 0.0 : sharedPrefix;
        prompts = prompts == null ? "bundled:default" : prompts;
        requests = requests == null ? 32 : requests;
        warmupRequests = warmupRequests == null ? 4 : warmupRequests;
        repetitions = repetitions == null ? 3 : repetitions;
        stopAtEos = stopAtEos != null && stopAtEos;
        seed = seed == null ? 42L : seed;
        requestTimeoutSeconds = requestTimeoutSeconds == null ? 120.0 : requestTimeoutSeconds;
        adaptive = adaptive == null ? Adaptive.DEFAULT : adaptive;
        int modes = (concurrency.isEmpty() ? 0 : 1) + (rates.isEmpty() ? 0 : 1) + (saturate ? 1 : 0);
        if (modes != 1) {
            throw new IllegalArgumentException("give exactly one load: concurrency levels, request rates, or saturate: true");
        }
        for (Integer c : concurrency) {
            if (c == null || c < 1) {
                throw new IllegalArgumentException("concurrency: every level must be >= 1, got " + c);
            }
        }
        for (Double r : rates) {
            if (r == null || !(r > 0) || r.isInfinite()) {
                throw new IllegalArgumentException("rates: every rate must be > 0 requests/s, got " + r);
            }
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, got " + maxConcurrency);
        }
        if (!(burstiness > 0) || burstiness.isInfinite()) {
            throw new IllegalArgumentException("burstiness must be > 0, got " + burstiness);
        }
        if (inputLength == null || outputLength == null) {
            throw new IllegalArgumentException("required: inputLength and outputLength");
        }
        if (!(sharedPrefix >= 0 && sharedPrefix < 1)) {
            throw new IllegalArgumentException("sharedPrefix must be in [0, 1), got " + sharedPrefix);
        }
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be >= 1, got " + requests);
        }
        if (warmupRequests < 0) {
            throw new IllegalArgumentException("warmupRequests must be >= 0, got " + warmupRequests);
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be >= 1, got " + repetitions);
        }
        if (!(requestTimeoutSeconds > 0)) {
            throw new IllegalArgumentException("requestTimeoutSeconds must be > 0, got " + requestTimeoutSeconds);
        }
        if (adaptive.maxRepetitions() < repetitions) {
            throw new IllegalArgumentException("adaptive.maxRepetitions (" + adaptive.maxRepetitions() + ") is below repetitions ("
                    + repetitions + ")");
        }
    }

    /** {@code concurrency}, {@code rate} or {@code saturate}: which load this sweeps. */
    public String loadModel() {
        return saturate ? "saturate" : !rates.isEmpty() ? "rate" : "concurrency";
    }

    /** The same workload with the load and lengths given on the command line (null keeps a field). */
    public EndpointWorkload with(List<Integer> newConcurrency, List<Double> newRates, Boolean newSaturate, Double newBurstiness,
            Lengths newInput, Lengths newOutput, Double newSharedPrefix, Integer newRepetitions, Adaptive newAdaptive) {
        boolean loadGiven = newConcurrency != null || newRates != null || Boolean.TRUE.equals(newSaturate);
        return new EndpointWorkload(name, task, description,
                loadGiven ? newConcurrency : concurrency, loadGiven ? newRates : rates, loadGiven ? newSaturate : saturate,
                maxConcurrency, newBurstiness != null ? newBurstiness : burstiness, newInput != null ? newInput : inputLength,
                newOutput != null ? newOutput : outputLength, newSharedPrefix != null ? newSharedPrefix : sharedPrefix, prompts,
                requests, warmupRequests, newRepetitions != null ? newRepetitions : repetitions, stopAtEos, seed, requestTimeoutSeconds,
                newAdaptive != null ? newAdaptive : adaptive);
    }
}
