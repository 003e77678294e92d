package dev.unitcost.projection;

import dev.unitcost.model.ModelLoad;

/**
 * The roofline arithmetic, pure. A decode step of {@code batch} sequences reads the weights once and
 * each sequence's KV cache at its mean context, and does {@code batch × FLOPs per token}. Its memory
 * time is bytes / (bandwidth × decode efficiency), its compute time FLOPs / (peak × decode-arithmetic
 * efficiency). On a GPU the step takes the longer of the two; on a CPU, whose cores stream and compute
 * in turn, their sum ({@link DevicePhysics#serial()}). Either way a per-step overhead, when a
 * calibration measured one, is added. Prefill is compute-bound: FLOPs per prompt token at half the
 * prompt's length of context, over peak × prefill efficiency.
 */
public final class Roofline {

    private Roofline() {}

    /**
     * One decode step.
     *
     * @param stepSeconds the time per output token of each sequence (TPOT): the longer of memory and compute
     *     time (their sum on a CPU), plus the per-step overhead
     * @param memoryBound whether memory time is at least the compute time
     */
    public record Step(double bytesRead, double flops, double memorySeconds, double computeSeconds, double stepSeconds,
            boolean memoryBound, double tokensPerSecond) {}

    /** A decode step of {@code batch} sequences at {@code contextTokens} of context each. */
    public static Step decode(ModelLoad m, DevicePhysics d, Efficiency e, int batch, double contextTokens) {
        double bytes = m.weightBytesReadPerStep(batch) + (double) m.kvBytesPerTokenPerSequence() * contextTokens * batch;
        double flops = batch * m.flopsPerToken(contextTokens);
        double memory = bytes / (d.bandwidthBytesPerSecond() * e.decode());
        double compute = flops / (d.peakFlopsPerSecond() * e.decodeCompute());
        double step = e.stepOverheadSeconds() + (d.serial() ? memory + compute : Math.max(memory, compute));
        return new Step(bytes, flops, memory, compute, step, memory >= compute, batch / step);
    }

    /** Prompt tokens per second while prefilling prompts of {@code inputLength} tokens. */
    public static double prefillTokensPerSecond(ModelLoad m, DevicePhysics d, Efficiency e, int inputLength) {
        return d.peakFlopsPerSecond() * e.prefill() / m.flopsPerToken(inputLength / 2.0);
    }

    /** Bytes the weights and the KV cache of {@code batch} sequences of {@code contextTokens} occupy. */
    public static double residentBytes(ModelLoad m, int batch, long contextTokens) {
        return m.weightBytes() + (double) m.kvBytesPerTokenPerSequence() * contextTokens * batch;
    }

    /** The most sequences of {@code contextTokens} that fit in {@code usableBytes}; 0 when the weights alone do not. */
    public static long maxBatch(ModelLoad m, double usableBytes, long contextTokens) {
        double free = usableBytes - m.weightBytes();
        return free <= 0 ? 0 : (long) Math.floor(free / ((double) m.kvBytesPerTokenPerSequence() * contextTokens));
    }

    /** The longest context one sequence can hold in {@code usableBytes}; 0 when the weights alone do not fit. */
    public static long maxContextTokens(ModelLoad m, double usableBytes) {
        double free = usableBytes - m.weightBytes();
        return free <= 0 ? 0 : (long) Math.floor(free / m.kvBytesPerTokenPerSequence());
    }
}
