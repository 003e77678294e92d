package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitcost.model.DecoderArchitecture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each preset's parameter count against the figure its model card publishes. */
class PresetParameterCountTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // published counts (safetensors metadata of the Hugging Face repositories)
        "smollm2-135m, 134515008",
        "qwen2.5-0.5b, 494032768",
        "qwen2.5-1.5b, 1543714304",
        "llama-3.2-1b, 1235814400",
        "llama-3.1-8b, 8030261248",
        "mistral-7b, 7241732096"
    })
    void matchesPublishedCount(String preset, long published) {
        DecoderArchitecture a = TwinPreset.named(preset).architecture();
        assertEquals(published, a.paramCount());
        // and the tensors a twin writes add up to the same figure
        assertEquals(published, TwinParameters.of(a).stream().mapToLong(TwinParameters.Parameter::elements).sum());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // 2 × layers × kv heads × head dim × 2 bytes (fp16 cache)
        "smollm2-135m, 23040",
        "qwen2.5-0.5b, 12288",
        "llama-3.1-8b, 131072"
    })
    void kvCacheBytesPerToken(String preset, long fp16Bytes) {
        assertEquals(fp16Bytes, TwinPreset.named(preset).architecture().kvCacheBytesPerToken(2));
    }
}
