package dev.unitcost.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecoderExportTest {

    private static final String CONFIG = """
            {"model_type": "mistral", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
             "num_key_value_heads": 2, "intermediate_size": 96, "vocab_size": 600, "sliding_window": 4096}
            """;

    @Test
    void opensTheOnnxCommunityLayout(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), CONFIG);
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.createDirectory(dir.resolve("onnx"));
        Files.write(dir.resolve("onnx/model_q4.onnx"), new byte[] {0});
        DecoderExport e = DecoderExport.open(dir, "int4");
        assertEquals(dir.resolve("onnx/model_q4.onnx"), e.graph());
        assertEquals(4096, e.architecture().slidingWindow().getAsInt());
        assertEquals(false, e.twin());
        Files.writeString(dir.resolve("twin.json"), "{\"twin\": true}");
        assertTrue(DecoderExport.open(dir, "int4").twin());
    }

    @Test
    void missingQuantisationNamesWhatIsThere(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), CONFIG);
        Files.createDirectory(dir.resolve("onnx"));
        Files.write(dir.resolve("onnx/model_fp16.onnx"), new byte[] {0});
        InputException ex = assertThrows(InputException.class, () -> DecoderExport.open(dir, "int8"));
        assertEquals(dir.resolve("onnx/model_int8.onnx") + ": quantization int8: missing; present: fp16", ex.getMessage());
    }
}
