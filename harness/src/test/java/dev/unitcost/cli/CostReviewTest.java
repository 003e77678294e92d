package dev.unitcost.cli;

import static dev.unitcost.cli.CostBadInputTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitcost.cost.GenerationReports;
import dev.unitcost.cost.TextPrices;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationRepetition;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunConfig;
import dev.unitcost.result.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a review of the cost answers (issue 13) found a user could see: each case failed before its
 * fix. Workload of {@link #small}: 1,000 users x 10 requests x 30 days = 300,000 requests, 300M input
 * and 30M output tokens a month.
 */
class CostReviewTest {

    @TempDir
    Path tmp;

    private static final String[] SELF = {"--hardware", "runpod-h100-sxm", "--tokens-per-second-in", "10000", "--tokens-per-second-out",
        "1000"};

    private static String[] small(String project, String... more) {
        String[] base = {"cost", "--project-dir", project, "--users", "1000", "--requests-per-day", "10", "--input-tokens", "1000",
            "--output-tokens", "100"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String[] join(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aRunOfAnotherShapeOrMachineIsNotMeasuredThroughput() throws Exception {
        // before: margins and a scenario priced a SmolLM2 run on a CPU as "measured" Llama-3.1-8B on an H100
        Path smol = save("twin:smollm2-135m:int4", "aws-c6i-large");
        Path llamaOnCpu = save("twin:llama-3.1-8b:int4", "aws-c6i-large");
        Path llama = save("twin:llama-3.1-8b:int4", "runpod-h100-sxm");
        String[] margins = {"margins", "--project-dir", CostExtrasCliTest.REPO, "--hardware", "runpod-h100-sxm", "--model", "llama-3.1-8b",
            "--run"};
        fails(join(margins, smol.toString()), "--run: report", "measured twin:smollm2-135m:int4, not the shape llama-3.1-8b");
        fails(join(margins, llamaOnCpu.toString()), "--run: report", "measured on aws-c6i-large, not runpod-h100-sxm");
        CliRunner.Outcome ok = CostCli.run(join(margins, llama.toString(), "--format", "json"));
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("\"projected\" : false"), ok.out());
        Path scenario = Files.writeString(tmp.resolve("s.yaml"), "name: s\ndescription: d\nsource: review\nasOf: 2026-11-30\n"
                + "users: 100\nrequestsPerDay: 10\ninputTokens: 1000\noutputTokens: 100\nutilisation: 0.5\nloadCurve: flat\n"
                + "apis: [{name: a, input: 1, output: 2}]\nselfHosted:\n  - {model: \"twin:llama-3.1-8b:int4\", hardware: runpod-h100-sxm,"
                + " tensorParallel: 1, tensorParallelEfficiency: 1.0, run: \"" + smol + "\"}\n");
        fails(new String[] {"cost", "--project-dir", CostExtrasCliTest.REPO, "--scenario", scenario.toString()}, scenario.toString(),
                "selfHosted.run", "not the shape llama-3.1-8b");
    }

    private Path save(String model, String hardware) {
        RunReport r = GenerationReports.report(GenerationReports.point(1, 1000, 101, 100_000_000L, 125_000_000L));
        RunConfig c = r.header().config();
        r = r.withHeader(r.header().withRunId("20261130T000000Z-" + model.replace(':', '-') + "-" + hardware)
                .withConfig(new RunConfig(model, c.workload(), hardware, c.engine(), c.engineOptions(), c.sampleIntervalMillis())));
        return new JsonResultStore(tmp.resolve("results")).save(r);
    }
}
