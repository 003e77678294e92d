package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.config.ProfileTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to cost, ratecards and reprice: exit 2, one line on stderr naming the option or file and field. */
class CostBadInputTest {

    @TempDir
    Path tmp;

    /** Runs and checks: exit 2, nothing on stdout, one "unitcost: " line containing every {@code expected} part. */
    static String fails(String[] args, String... expected) {
        CliRunner.Outcome o = CostCli.run(args);
        assertEquals(ExitCodes.BAD_INPUT, o.exitCode(), o.out() + o.err());
        assertEquals("", o.out());
        String line = o.err().strip();
        assertTrue(line.startsWith("unitcost: "), line);
        for (String e : expected) {
            assertTrue(line.contains(e), "expected '" + e + "' in: " + line);
        }
        return line;
    }

    @Test
    void negativeAndNonNumericApiPrices() {
        fails(CostCommandTest.seed("--api-price", "-15/75"), "--api-price: prices must be >= 0, got '-15/75'");
        fails(CostCommandTest.seed("--api-price", "fifteen/75"), "--api-price: expected IN/OUT in USD per 1M tokens");
        fails(CostCommandTest.seed("--api-price", "1/2/3/4"), "--api-price: expected IN/OUT");
        fails(CostCommandTest.seed("--api-price", "0.02"), "--api-price: has no output price, but the workload generates 500");
    }

    @Test
    void utilisationOutsideZeroToOne() {
        fails(CostCommandTest.seed("--api-price", "15/75", "--utilisation", "0"), "--utilisation: must be in (0, 1], got 0.0");
        fails(CostCommandTest.seed("--api-price", "15/75", "--utilisation", "1.2"), "--utilisation: must be in (0, 1], got 1.2");
        fails(CostCommandTest.seed("--api-price", "15/75", "--utilisation", "-0.5"), "--utilisation");
        fails(new String[] {"reprice", "x.json", "--utilisation", "2"}, "--utilisation: must be in (0, 1], got 2.0");
    }

    @Test
    void unknownApiModelSuggestsCloseNames() {
        String line = fails(CostCommandTest.seed("--api", "claude-sonet-4-6"), "--api: unknown API model 'claude-sonet-4-6'",
                "did you mean claude-sonnet-4-6");
        assertFalse(line.contains("\n"));
        fails(CostCommandTest.seed("--api", "text-embeding-3-smal"), "did you mean text-embedding-3-small");
        fails(CostCommandTest.seed("--api", "openai/gpt-oss-120b"), "sold by several providers",
                "groq/openai/gpt-oss-120b", "together_ai/openai/gpt-oss-120b");
        fails(CostCommandTest.seed("--api-price", "1/2", "--api", "gpt-4o"), "mutually exclusive");
        fails(CostCommandTest.seed(), "--api=MODEL", "--api-price=IN/OUT");
    }

    @Test
    void aRateCardWithoutAsOf() throws IOException {
        Path cards = Files.createDirectories(tmp.resolve("cards"));
        Path card = Files.writeString(cards.resolve("p.yaml"), ProfileTexts.card("input: 1.0").replace("asOf: 2026-07-24\n", ""));
        fails(CostCommandTest.seed("--api", "m", "--ratecards", cards.toString()), card.toString(), "required: asOf");
        fails(new String[] {"ratecards", "list", "--ratecards", cards.toString()}, "required: asOf");
    }

    @Test
    void negativeOrTextPricesInARateCard() throws IOException {
        Path cards = Files.createDirectories(tmp.resolve("cards"));
        Path card = Files.writeString(cards.resolve("p.yaml"), ProfileTexts.card("input: -0.5"));
        fails(CostCommandTest.seed("--api", "m", "--ratecards", cards.toString()), card.toString(), "input must be >= 0");
        Files.writeString(card, ProfileTexts.card("input: cheap"));
        fails(CostCommandTest.seed("--api", "m", "--ratecards", cards.toString()), card.toString(), "models[0].input");
    }

    @Test
    void zeroLifeYearsAndUnknownHardware() throws IOException {
        Path hw = Files.writeString(tmp.resolve("owned.yaml"), ProfileTexts.owned("lifeYears: 0"));
        String[] args = CostCommandTest.seed("--api-price", "15/75", "--hardware", hw.toString(),
                "--tokens-per-second-in", "1000", "--tokens-per-second-out", "100");
        fails(args, hw.toString(), "lifeYears must be > 0");
        fails(CostCommandTest.seed("--api-price", "15/75", "--hardware", "no-such-gpu", "--tokens-per-second-in", "1000",
                "--tokens-per-second-out", "100"), "unknown hardware profile 'no-such-gpu'", "runpod-h100-sxm");
        fails(CostCommandTest.seed("--api-price", "15/75", "--hardware", "runpod-l4", "--tokens-per-second-in", "1000",
                "--tokens-per-second-out", "100", "--price", "reserved"), "--price: runpod-l4 has no reserved price");
        fails(CostCommandTest.seed("--api-price", "15/75", "--tokens-per-second-in", "0", "--tokens-per-second-out", "1",
                "--hardware", "runpod-l4"), "--tokens-per-second-in: must be > 0");
        fails(CostCommandTest.seed("--api-price", "15/75", "--tokens-per-second-in", "100"), "--hardware: required");
        fails(CostCommandTest.seed("--api-price", "15/75", "--hardware", "runpod-l4"), "--hardware: needs a measured throughput");
    }

    @Test
    void badWorkloadNumbers() {
        fails(new String[] {"cost", "--users", "0", "--requests-per-day", "1", "--input-tokens", "1", "--output-tokens", "1",
            "--api-price", "1/1"}, "--users: must be > 0, got 0");
        fails(new String[] {"cost", "--users", "many", "--requests-per-day", "1", "--input-tokens", "1", "--output-tokens", "1",
            "--api-price", "1/1"}, "--users", "'many'");
    }

    @Test
    void badImportsWriteNothing() throws IOException {
        Path out = tmp.resolve("out");
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"gpt\": ");
        fails(new String[] {"ratecards", "import", "litellm", broken.toString(), "--out", out.toString()}, broken.toString());
        assertFalse(Files.exists(out), "nothing written");
        fails(new String[] {"ratecards", "import", "genai-prices", broken.toString(), "--out", out.toString()},
                "SOURCE: expected litellm, got 'genai-prices'");
        fails(new String[] {"ratecards", "import", "litellm", tmp.resolve("none.json").toString(), "--out", out.toString()},
                "file not found");
        fails(new String[] {"ratecards", "import", "litellm", broken.toString(), "--as-of", "24/07/2026"}, "--as-of");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void badListFilters() {
        fails(new String[] {"ratecards", "list", "--project-dir", CostCli.PROJECT, "--mode", "image"}, "--mode: expected chat or embedding");
        fails(new String[] {"ratecards", "list", "--project-dir", CostCli.PROJECT, "--provider", "nobody"}, "--provider: no rate card for 'nobody'",
                "openai");
    }
}
