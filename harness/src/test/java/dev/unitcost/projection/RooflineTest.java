package dev.unitcost.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.ModelLoad;
import dev.unitcost.model.MixtureOfExperts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-computed roofline cases, the memory fit, and the physical bound. */
class RooflineTest {

    /** meta-llama/Llama-3.1-8B config.json. */
    static final DecoderArchitecture LLAMA_31_8B = new DecoderArchitecture("llama", 4096, 32, 32, 8, 128, 14336, 128256, false, false,
            500000.0, 1e-5, 131072, null);
    /** meta-llama/Llama-3.1-70B config.json. */
    static final DecoderArchitecture LLAMA_31_70B = new DecoderArchitecture("llama", 8192, 80, 64, 8, 128, 28672, 128256, false, false,
            500000.0, 1e-5, 131072, null);
    static final DevicePhysics H100_SXM = new DevicePhysics("h100-sxm", 3.35e12, "test", 989e12, "test", 80e9);
    static final Efficiency STATED = new Efficiency(0.7, 0.5, "stated for the test");

    @Test
    void llama8bInt4BatchOneOnH100IsMemoryBound() {
        ModelLoad m = ModelLoad.of("llama-3.1-8b", LLAMA_31_8B, "int4", Optional.empty());
        // parameters 8,030,261,248 (Hugging Face's count); int4 0.5 + 2/32 (fp16 scale per 32) = 0.5625 bytes each
        //   weights 8,030,261,248 × 0.5625 = 4,517,021,952 bytes
        // KV per token per sequence: 2 × 32 layers × 8 kv heads × 128 head dim × 2 bytes (fp16) = 131,072
        //   at 1,024 tokens of context, batch 1: 134,217,728 bytes
        // bytes per step 4,651,239,680 over 3.35e12 × 0.7 = 2.345e12 B/s: 1.98347 ms per token, 504.17 tok/s
        // compute: 2 × 8,030,261,248 + 4 × 32 × 1024 × 4096 = 16,597,393,408 FLOPs over 494.5e12: 33.6 µs, so memory-bound
        assertEquals(8_030_261_248L, m.parameters());
        Roofline.Step s = Roofline.decode(m, H100_SXM, STATED, 1, 1024);
        assertEquals(4_651_239_680.0, s.bytesRead(), 1);
        assertTrue(s.memoryBound());
        assertEquals(1.98347e-3, s.stepSeconds(), 1e-8);
        assertEquals(504.17, s.tokensPerSecond(), 0.01);
    }

    @Test
    void prefillIsComputeBound() {
        ModelLoad m = ModelLoad.of("llama-3.1-8b", LLAMA_31_8B, "fp16", Optional.empty());
        // a 2,048-token prompt: FLOPs per token at its mean context of 1,024 = 16,597,393,408 (as above)
        // 989e12 × 0.5 / 16,597,393,408 = 29,793.8 prompt tokens/s
        assertEquals(29_793.8, Roofline.prefillTokensPerSecond(m, H100_SXM, STATED, 2048), 0.1);
    }

    @Test
    void decodeAtLargeBatchIsComputeBound() {
        ModelLoad m = ModelLoad.of("llama-3.1-8b", LLAMA_31_8B, "fp16", Optional.empty());
        // batch 4,096 at 16 tokens of context: bytes 16,060,522,496 + 131,072 × 16 × 4,096 = 24,650,457,088 → 10.5 ms;
        // FLOPs 4,096 × (16,060,522,496 + 4 × 32 × 16 × 4,096) = 6.5817e13 over 494.5e12 → 133.1 ms: compute sets the step
        Roofline.Step s = Roofline.decode(m, H100_SXM, STATED, 4096, 16);
        assertFalse(s.memoryBound());
        assertEquals(4096 / (s.flops() / 494.5e12), s.tokensPerSecond(), 1e-6);
        assertEquals(0.1331, s.stepSeconds(), 1e-4);
    }

    @Test
    void onACpuMemoryAndComputeTimesAddAfterTheStepOverhead() {
        ModelLoad m = ModelLoad.of("llama-3.1-8b", LLAMA_31_8B, "int4", Optional.empty());
        DevicePhysics cpu = new DevicePhysics("two cores", "cpu", 40e9, "test", 500e9, "test", null);
        Efficiency e = new Efficiency(1.0, 0.9, 0.8, 0.002, "stated for the test");
        // batch 1 at 1,024 tokens: bytes 4,651,239,680 (as above) over 40e9 = 116.281 ms;
        // FLOPs 16,597,393,408 over 500e9 × 0.8 = 400e9: 41.4935 ms; overhead 2 ms; sum 159.7745 ms = 6.2588 tok/s
        Roofline.Step s = Roofline.decode(m, cpu, e, 1, 1024);
        assertEquals(0.116281, s.memorySeconds(), 1e-6);
        assertEquals(0.0414935, s.computeSeconds(), 1e-7);
        assertEquals(0.1597745, s.stepSeconds(), 1e-6);
        assertEquals(6.2588, s.tokensPerSecond(), 1e-4);
        // the same device as a GPU overlaps them: 2 ms + 116.281 ms
        DevicePhysics gpu = new DevicePhysics("as a gpu", "gpu", 40e9, "test", 500e9, "test", null);
        assertEquals(0.118281, Roofline.decode(m, gpu, e, 1, 1024).stepSeconds(), 1e-6);
    }

    @Test
    void llama70bFp16DoesNotFitOne80GbGpu() {
        ModelLoad m = ModelLoad.of("llama-3.1-70b", LLAMA_31_70B, "fp16", Optional.empty());
        // 70,553,706,496 parameters × 2 bytes = 141.1 GB > 0.9 × 80 GB
        assertEquals(70_553_706_496L, m.parameters());
        assertEquals(0, Roofline.maxBatch(m, 80e9 * Projector.USABLE_MEMORY_SHARE, 160));
        assertEquals(0, Roofline.maxContextTokens(m, 80e9 * Projector.USABLE_MEMORY_SHARE));
        HardwareProfile gpu = new HardwareProfile.Rented("one-h100", "test", "test", LocalDate.of(2026, 11, 30),
                new BigDecimal("2.00"), 1, 700.0, null);
        Projection p = Projector.project(m, List.of(new Projector.Target(gpu, H100_SXM)),
                new Projector.Points("w", List.of(1), List.of(128), List.of(32)), STATED, List.of(), null);
        Projection.ProfileProjection row = p.profiles().get(0);
        assertFalse(row.points().get(0).fits());
        assertNull(row.prices());
        assertNull(row.best());
    }

    @Test
    void int4Llama8bFitsAndIsPricedPerDevice() {
        ModelLoad m = ModelLoad.of("llama-3.1-8b", LLAMA_31_8B, "int4", Optional.empty());
        HardwareProfile gpu = new HardwareProfile.Rented("one-h100", "test", "test", LocalDate.of(2026, 11, 30),
                new BigDecimal("3.60"), 1, 700.0, null);
        Projection p = Projector.project(m, List.of(new Projector.Target(gpu, H100_SXM)),
                new Projector.Points("w", List.of(1), List.of(128), List.of(32)), STATED, List.of(), null);
        Projection.ProfileProjection row = p.profiles().get(0);
        Projection.PointProjection q = row.best();
        // USD 3.60/h = USD 0.001 per second; per 1M output tokens: 0.001 × 1e6 / decode tok/s
        double usdPerMillionOut = 0.001 * 1e6 / q.decodeTokensPerSecond();
        assertEquals(usdPerMillionOut, row.prices().best().usdPerMillionOutput().doubleValue(), usdPerMillionOut * 1e-5);
        assertTrue(p.label().startsWith("projected"));
    }

    @Test
    void mixtralCountsOnlyTheActiveExperts() {
        DecoderArchitecture mixtral = new DecoderArchitecture("mistral", 4096, 32, 32, 8, 128, 14336, 32000, false, false,
                1000000.0, 1e-5, 32768, null);
        ModelLoad m = ModelLoad.of("mixtral-8x7b", mixtral, "fp16", Optional.of(new MixtureOfExperts(8, 2)));
        // Mistral AI: 46.7B parameters, 12.9B active per token
        assertEquals(46.7e9, m.parameters(), 0.05e9);
        assertEquals(12.9e9, m.activeParameters(), 0.05e9);
        assertEquals(m.activeParameters() * 2.0, m.weightBytesReadPerStep(1), 1);
        assertTrue(m.weightBytesReadPerStep(64) > m.weightBytesReadPerStep(8));
        assertTrue(m.weightBytesReadPerStep(64) <= m.weightBytes());
    }

    @Test
    void projectionNeverExceedsThePhysicalBound() {
        DevicePhysics[] devices = {H100_SXM, new DevicePhysics("l4", 300e9, "t", 121e12, "t", 24e9),
            new DevicePhysics("cpu", "cpu", 90e9, "t", 2e12, "t", null)};
        Efficiency[] efficiencies = {STATED, new Efficiency(1, 1, "peak"), new Efficiency(0.3, 0.9, "t"),
            new Efficiency(1, 1, 1, 0.004, "with overhead"), new Efficiency(0.5, 0.6, 0.2, 0, "slow arithmetic")};
        for (DecoderArchitecture a : List.of(LLAMA_31_8B, LLAMA_31_70B)) {
            for (String format : List.of("fp32", "fp16", "int8", "int4")) {
                ModelLoad m = ModelLoad.of("m", a, format, Optional.empty());
                for (DevicePhysics d : devices) {
                    for (Efficiency e : efficiencies) {
                        for (int batch : new int[] {1, 8, 64, 512, 4096}) {
                            for (int context : new int[] {1, 128, 4096, 32768}) {
                                Roofline.Step s = Roofline.decode(m, d, e, batch, context);
                                double memoryBound = batch * d.bandwidthBytesPerSecond() / s.bytesRead();
                                double computeBound = batch * d.peakFlopsPerSecond() / s.flops();
                                assertTrue(s.tokensPerSecond() <= Math.min(memoryBound, computeBound) * (1 + 1e-12));
                                double prefill = Roofline.prefillTokensPerSecond(m, d, e, context);
                                assertTrue(prefill <= d.peakFlopsPerSecond() / m.flopsPerToken(context / 2.0) * (1 + 1e-12));
                            }
                        }
                    }
                }
            }
        }
    }
}
