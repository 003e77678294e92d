package dev.unitcost.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OpenAI's encodings from the jar, on texts whose token counts are fixed by the published ranks. */
class OpenAiTokenizersTest {

    @Test
    void countsInEachEncoding() {
        // "hello" and " world" are single ranks in both encodings
        assertEquals(2, OpenAiTokenizers.count("cl100k_base", "hello world"));
        assertEquals(2, OpenAiTokenizers.count("o200k_base", "hello world"));
        assertEquals(0, OpenAiTokenizers.count("o200k_base", ""));
        assertThrows(IllegalArgumentException.class, () -> OpenAiTokenizers.count("p50k_base", "x"));
    }

    @Test
    void modelsMapToTheirEncoding() {
        assertEquals(Optional.of("o200k_base"), OpenAiTokenizers.encodingFor("gpt-4o-mini"));
        assertEquals(Optional.of("o200k_base"), OpenAiTokenizers.encodingFor("openai/gpt-4.1-nano"));
        assertEquals(Optional.of("o200k_base"), OpenAiTokenizers.encodingFor("o4-mini"));
        assertEquals(Optional.of("cl100k_base"), OpenAiTokenizers.encodingFor("text-embedding-3-small"));
        assertEquals(Optional.empty(), OpenAiTokenizers.encodingFor("claude-sonnet-4-6"));
        assertEquals(Optional.empty(), OpenAiTokenizers.encodingFor("groq/llama-3.1-8b-instant"));
    }
}
