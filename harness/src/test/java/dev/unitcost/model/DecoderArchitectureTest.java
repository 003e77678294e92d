package dev.unitcost.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecoderArchitectureTest {

    @Test
    void readsHfConfigWithDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.json");
        Files.writeString(f, """
                {"model_type": "llama", "hidden_size": 2048, "num_hidden_layers": 16, "num_attention_heads": 32,
                 "num_key_value_heads": 8, "intermediate_size": 8192, "vocab_size": 128256, "tie_word_embeddings": true,
                 "rope_theta": 500000.0, "rms_norm_eps": 1e-05, "max_position_embeddings": 131072,
                 "rope_scaling": {"factor": 32.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0,
                                  "original_max_position_embeddings": 8192, "rope_type": "llama3"}}
                """);
        DecoderArchitecture a = DecoderArchitecture.fromHfConfig(f);
        assertEquals(64, a.headDim());
        assertEquals(4, a.groupSize());
        assertNotNull(a.ropeScaling());
        assertEquals(1_235_814_400L, a.paramCount());
        assertEquals(2L * 16 * 8 * 64 * 4, a.kvCacheBytesPerToken(4));
    }

    @Test
    void qwen2HasBias() {
        DecoderArchitecture a = new DecoderArchitecture("qwen2", 64, 1, 4, 2, 16, 32, 300, true, true, 1e4, 1e-6, 32, null);
        // embedding 19200 + q 4096+64 + k,v 2×(2048+32) + o 4096 + mlp 3×2048 + 2 norms 128 + final norm 64
        assertEquals(19200 + 4160 + 4160 + 4096 + 6144 + 128 + 64, a.paramCount());
    }

    @Test
    void inconsistentDimensionsNameTheFileAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.json");
        Files.writeString(f, """
                {"model_type": "llama", "hidden_size": 100, "num_hidden_layers": 2, "num_attention_heads": 3,
                 "intermediate_size": 64, "vocab_size": 300}
                """);
        InputException e = assertThrows(InputException.class, () -> DecoderArchitecture.fromHfConfig(f));
        assertTrue(e.getMessage().startsWith(f + ": config.json: num_attention_heads (3) must divide hidden_size (100)"),
                e.getMessage());
    }
}
