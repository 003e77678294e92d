package dev.unitcost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import dev.unitcost.cost.RateCard;
import dev.unitcost.cost.RateCards;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer over a trimmed copy of LiteLLM's 2026-07-24 price map (test resource). */
class LiteLlmImporterTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path tmp;

    Path fixture;

    @BeforeEach
    void copyFixture() throws IOException {
        fixture = tmp.resolve("litellm.json");
        try (InputStream in = getClass().getResourceAsStream("/litellm-prices-trimmed.json")) {
            Files.copy(in, fixture);
        }
    }

    @Test
    void convertsPerTokenToPerMillionByProvider() {
        LiteLlmImporter.Outcome o = LiteLlmImporter.convert(fixture, null, TODAY);
        RateCards cards = new RateCards(o.cards());
        RateCard.ApiPrice gpt4o = cards.matches("gpt-4o").get(0).price();
        // 2.5e-06 × 1e6 = 2.5 ; 1e-05 → 10 ; 1.25e-06 → 1.25 ; batch 1.25 / 5
        assertEquals(new BigDecimal("2.5"), gpt4o.input());
        assertEquals(new BigDecimal("10"), gpt4o.output());
        assertEquals(new BigDecimal("1.25"), gpt4o.cachedInput());
        assertEquals(new BigDecimal("1.25"), gpt4o.batchInput());
        assertEquals(new BigDecimal("5"), gpt4o.batchOutput());
        assertEquals(128000, gpt4o.contextWindow());
        assertNull(gpt4o.flag());
        RateCard openai = o.cards().stream().filter(c -> c.provider().equals("openai")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 7, 24), openai.asOf(), "asOf from the file's last_updated");
        assertEquals(TODAY, openai.importedOn());
        // provider prefix removed on its own card; embeddings carry no output price
        RateCard.ApiPrice gemEmbed = cards.matches("gemini/gemini-embedding-001").get(0).price();
        assertEquals("gemini-embedding-001", gemEmbed.model());
        assertEquals("embedding", gemEmbed.mode());
        assertEquals(new BigDecimal("0.15"), gemEmbed.input());
        assertNull(gemEmbed.output());
        assertEquals(new BigDecimal("0.008"), cards.matches("together_ai/BAAI/bge-base-en-v1.5").get(0).price().input());
        assertEquals(new BigDecimal("0.05"), cards.matches("groq/llama-3.1-8b-instant").get(0).price().input());
    }

    @Test
    void skipsWhatCannotBePricedAndFlagsTheImplausible() {
        LiteLlmImporter.Outcome o = LiteLlmImporter.convert(fixture, LocalDate.of(2026, 7, 25), TODAY);
        Map<String, String> skipped = o.skipped().stream()
                .collect(Collectors.toMap(LiteLlmImporter.Skipped::key, LiteLlmImporter.Skipped::reason));
        assertEquals("input_cost_per_token is null", skipped.get("fixture/null-input"));
        assertEquals("input_cost_per_token is not a number: \"n/a\"", skipped.get("fixture/text-price"));
        assertEquals("output_cost_per_token is negative: -0.000002", skipped.get("fixture/negative-output"));
        assertEquals("input_cost_per_token missing", skipped.get("twelvelabs.pegasus-1-2-v1:0"));
        assertEquals("input_cost_per_token missing", skipped.get("azure/container"));
        assertEquals("not a model entry", skipped.get("last_updated"));
        assertTrue(skipped.containsKey("sample_spec"));
        assertEquals("not a model entry", skipped.get("_fixture_note"));
        assertEquals(8, skipped.size(), skipped.toString());
        assertEquals(Map.of("audio_transcription", 1, "image_generation", 1), o.otherModes());
        // the made-up typo: output 1000 per 1M; the other ten OpenAI chat outputs are
        // 0.4 0.4 0.6 1.6 2 | 4.4 8 8 10 10 → median (2 + 4.4) / 2 = 3.2 ; 1000 / 3.2 = 312.5 → 313 (3 digits)
        assertEquals(1, o.flagged().size(), o.flagged().toString());
        LiteLlmImporter.Flagged typo = o.flagged().get(0);
        assertEquals("fixture/typo-output", typo.model());
        assertEquals("output USD 1000/1M is 313x the median (3.2) of 10 other openai chat models", typo.flag());
        assertEquals(LocalDate.of(2026, 7, 25), o.cards().get(0).asOf(), "--as-of wins over last_updated");
        assertEquals(47 - 8 - 2, o.imported()); // 47 keys, 8 skipped, 2 of other modes
    }

    @Test
    void writesOneLoadableFilePerProvider() throws IOException {
        LiteLlmImporter.Outcome o = LiteLlmImporter.convert(fixture, null, TODAY);
        Path out = tmp.resolve("cards");
        List<Path> files = RateCardFiles.write(o.cards(), out, "imported for a test");
        assertEquals(o.cards().size(), files.size());
        assertTrue(Files.readString(out.resolve("openai.yaml")).startsWith("# imported for a test\n"));
        try (var listing = Files.list(out)) {
            assertEquals(files.size(), listing.count(), "no temporary files left");
        }
        List<RateCard> back = new Profiles(ProfilesTest.REPO).rateCards(out);
        assertEquals(o.cards(), back);
        RateCard.ApiPrice typo = new RateCards(back).matches("fixture/typo-output").get(0).price();
        assertTrue(typo.flag().contains("median"), "the flag survives the round trip");
    }

    @Test
    void badFilesAreOneLine() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"gpt\": {\"mode\": ");
        InputException e = assertThrows(InputException.class, () -> LiteLlmImporter.convert(broken, null, TODAY));
        assertTrue(e.getMessage().startsWith(broken + ":"), e.getMessage());
        assertThrows(InputException.class, () -> LiteLlmImporter.convert(tmp.resolve("none.json"), null, TODAY));
        Path array = Files.writeString(tmp.resolve("array.json"), "[]");
        assertTrue(assertThrows(InputException.class, () -> LiteLlmImporter.convert(array, null, TODAY))
                .getMessage().contains("expected a JSON object"));
    }
}
