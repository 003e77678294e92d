package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.run.EndpointOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code run}'s options for measuring a running server. Field names are the {@link EndpointOptions}
 * settings, so an error about one names its flag.
 */
final class EndpointFlags {

    @Option(names = "--endpoint", paramLabel = "URL", description = "measure the OpenAI-compatible server at this base URL (e.g. http://localhost:8000)")
    String endpoint;

    @Option(names = "--served-model", paramLabel = "NAME", description = "the model name the server serves (required with --endpoint)")
    String servedModel;

    @Option(names = "--api", defaultValue = "chat", paramLabel = "chat|completions",
            description = "the route requests go to: /v1/chat/completions or /v1/completions (default: ${DEFAULT-VALUE})")
    String api;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "environment variable holding the API key (never stored or printed)")
    String apiKeyEnv;

    @Option(names = "--tokenizer", paramLabel = "FILE",
            description = "the served model's tokenizer.json: prompts are cut to exact lengths in its tokens, and streamed tokens counted with it")
    Path tokenizer;

    @Option(names = "--concurrency", split = ",", paramLabel = "N,N,...", description = "closed-loop sweep: users sending back to back")
    List<Integer> concurrency;

    @Option(names = "--rate", split = ",", paramLabel = "R,R,...", description = "open-loop sweep: requests per second, Poisson arrivals "
            + "(gamma with --burstiness)")
    List<Double> rate;

    @Option(names = "--saturate", description = "double concurrency from 1 until output throughput stops growing (< 10%%); report the knee")
    boolean saturate;

    @Option(names = "--burstiness", paramLabel = "B", description = "gamma shape of open-loop arrivals: 1 = Poisson, < 1 burstier (as vLLM's bench)")
    Double burstiness;

    @Option(names = "--input-length", paramLabel = "N|uniform:MIN:MAX|normal:MEAN:SD|lognormal:MEDIAN:SIGMA",
            description = "prompt tokens per request")
    String inputLength;

    @Option(names = "--output-length", paramLabel = "N|uniform:MIN:MAX|normal:MEAN:SD|lognormal:MEDIAN:SIGMA",
            description = "output tokens asked per request (a forced length unless the workload says stopAtEos)")
    String outputLength;

    @Option(names = "--shared-prefix", paramLabel = "SHARE", description = "share of each prompt that is one prefix common to all, in [0, 1)")
    Double sharedPrefix;

    @Option(names = "--slo", paramLabel = "METRIC_pN=T,...",
            description = "objectives, e.g. ttft_p99=500ms,tpot_p99=50ms (ttft, tpot, itl, e2e; us, ms, s): goodput and the highest load meeting them")
    String slo;

    /** Whether any endpoint option was given (then --endpoint is required). */
    boolean any() {
        return endpoint != null || servedModel != null || apiKeyEnv != null || tokenizer != null || concurrency != null || rate != null
                || saturate || burstiness != null || inputLength != null || outputLength != null || sharedPrefix != null || slo != null
                || !"chat".equals(api);
    }

    EndpointOptions options() {
        if (endpoint == null) {
            throw InputException.setting("endpoint", "required with the other endpoint options: the server's base URL");
        }
        return new EndpointOptions(endpoint, servedModel, api, apiKeyEnv, tokenizer, concurrency, rate, saturate, burstiness, inputLength,
                outputLength, sharedPrefix, slo);
    }
}
