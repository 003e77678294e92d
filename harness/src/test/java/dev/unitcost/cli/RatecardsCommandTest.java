package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unitcost ratecards import|list} in-process, on the trimmed LiteLLM fixture, and a flagged price used by cost. */
class RatecardsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void importListAndUseAFlaggedPrice() throws Exception {
        Path json = tmp.resolve("prices.json");
        try (InputStream in = getClass().getResourceAsStream("/litellm-prices-trimmed.json")) {
            Files.copy(in, json);
        }
        Path out = tmp.resolve("cards");
        CliRunner.Outcome imported = CostCli.run("ratecards", "import", "litellm", json.toString(), "--out", out.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        // 47 keys: 8 skipped (4 made up, 2 real entries without prices, last_updated, sample_spec), 2 of other modes;
        // 10 providers: openai anthropic gemini mistral deepseek together_ai groq deepinfra voyage cohere
        assertTrue(imported.out().startsWith("imported 37 entries into 10 provider files under " + out + " (asOf 2026-07-24,"),
                imported.out());
        assertTrue(imported.out().contains("flagged 1 (written with a flag"), imported.out());
        assertTrue(imported.out().contains("  flagged openai/fixture/typo-output: output USD 1000/1M is 313x the median"), imported.out());
        assertTrue(imported.out().contains("skipped 8 (cannot be priced)"), imported.out());
        assertTrue(imported.out().contains("  skipped fixture/negative-output: output_cost_per_token is negative"), imported.out());
        assertTrue(imported.out().contains("left out 2 entries of other modes: {audio_transcription=1, image_generation=1}"),
                imported.out());
        assertTrue(Files.readString(out.resolve("openai.yaml")).startsWith("# Imported by 'unitcost ratecards import litellm'"));

        CliRunner.Outcome list = CostCli.run("ratecards", "list", "--ratecards", out.toString(), "--provider", "openai", "--mode", "chat");
        assertEquals(0, list.exitCode(), list.err());
        String typo = list.out().lines().filter(l -> l.contains("fixture/typo-output")).findFirst().orElseThrow();
        assertTrue(typo.contains("1000") && typo.contains("FLAGGED: output USD 1000/1M"), typo);
        assertTrue(list.out().lines().noneMatch(l -> l.contains("text-embedding")), "--mode chat leaves embeddings out");
        assertTrue(list.out().contains("gpt-4o "), list.out());

        CliRunner.Outcome cost = CostCli.run(CostCommandTest.seed("--api", "fixture/typo-output", "--ratecards", out.toString()));
        assertEquals(0, cost.exitCode(), cost.err());
        assertTrue(cost.out().contains("WARNING: the importer flagged this price: output USD 1000/1M"), cost.out());
        assertTrue(cost.out().contains("(openai rate card, asOf 2026-07-24, imported "), cost.out());
    }
}
