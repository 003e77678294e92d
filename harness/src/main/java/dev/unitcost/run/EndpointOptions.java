package dev.unitcost.run;

import dev.unitcost.InputException;
import dev.unitcost.engine.endpoint.Api;
import dev.unitcost.metrics.Slo;
import dev.unitcost.workload.Lengths;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a user asks of an endpoint run, beyond {@link RunOptions}: the server, the load, the lengths
 * and the objectives. Checked for syntax and range here; errors name the setting, which the CLI
 * shows as its flag.
 *
 * @param endpoint the server's base URL ({@code http://host:8000}); required
 * @param servedModel the model name the server serves; required
 * @param api {@code chat} or {@code completions}
 * @param apiKeyEnv the environment variable holding the API key; null for none
 * @param tokenizer the served model's {@code tokenizer.json}; null counts words and relies on the server's usage
 * @param concurrency closed-loop levels; null keeps the workload's
 * @param rate open-loop request rates (requests/s); null keeps the workload's
 * @param saturate search for the knee
 * @param burstiness gamma shape of open-loop arrivals; null keeps the workload's
 * @param inputLength prompt length or distribution; null keeps the workload's
 * @param outputLength output length or distribution; null keeps the workload's
 * @param sharedPrefix share of each prompt common to all; null keeps the workload's
 * @param slo objectives ({@code ttft_p99=500ms,tpot_p99=50ms}); null for none
 */
public record EndpointOptions(String endpoint, String servedModel, String api, String apiKeyEnv, Path tokenizer,
        List<Integer> concurrency, List<Double> rate, boolean saturate, Double burstiness, String inputLength, String outputLength,
        Double sharedPrefix, String slo) {

    public EndpointOptions {
        URI uri = uri(endpoint);
        if (servedModel == null || servedModel.isBlank()) {
            throw InputException.setting("servedModel", "required with --endpoint: the model name the server serves");
        }
        api(api);
        if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw InputException.setting("apiKeyEnv", "expected the name of an environment variable, got '" + apiKeyEnv + "'");
        }
        if (tokenizer != null && !java.nio.file.Files.isRegularFile(tokenizer)) {
            throw InputException.setting("tokenizer", tokenizer + ": no such file (expected the served model's tokenizer.json)");
        }
        int loads = (concurrency != null ? 1 : 0) + (rate != null ? 1 : 0) + (saturate ? 1 : 0);
        if (loads > 1) {
            throw InputException.setting(concurrency != null ? "concurrency" : "rate", "give one of --concurrency, --rate or --saturate");
        }
        if (concurrency != null && (concurrency.isEmpty() || concurrency.stream().anyMatch(c -> c == null || c < 1))) {
            throw InputException.setting("concurrency", "every level must be a whole number >= 1, got " + concurrency);
        }
        if (rate != null && (rate.isEmpty() || rate.stream().anyMatch(r -> r == null || !(r > 0) || r.isInfinite()))) {
            throw InputException.setting("rate", "every rate must be > 0 requests/s, got " + rate);
        }
        if (burstiness != null && !(burstiness > 0 && !burstiness.isInfinite())) {
            throw InputException.setting("burstiness", "must be > 0 (1 = Poisson arrivals), got " + burstiness);
        }
        lengths("inputLength", inputLength);
        lengths("outputLength", outputLength);
        if (sharedPrefix != null && !(sharedPrefix >= 0 && sharedPrefix < 1)) {
            throw InputException.setting("sharedPrefix", "must be a share in [0, 1), got " + sharedPrefix);
        }
        slos(slo);
        concurrency = concurrency == null ? null : List.copyOf(concurrency);
        rate = rate == null ? null : List.copyOf(rate);
    }

    public URI baseUrl() {
        return uri(endpoint);
    }

    public Api apiMode() {
        return api(api);
    }

    public List<Slo> slos() {
        return slos(slo);
    }

    public Lengths input() {
        return lengths("inputLength", inputLength);
    }

    public Lengths output() {
        return lengths("outputLength", outputLength);
    }

    /** The URL as stored in reports: scheme, host, port and path, never user information. */
    public String endpointForReport() {
        URI u = uri(endpoint);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + (u.getPath() == null ? "" : u.getPath());
    }

    private static URI uri(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw InputException.setting("endpoint", "required: the server's base URL, e.g. http://localhost:8000");
        }
        try {
            URI u = new URI(endpoint.strip());
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw InputException.setting("endpoint", "expected an http:// or https:// URL with a host, e.g. http://localhost:8000, got '"
                        + endpoint + "'");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw InputException.setting("endpoint", "not a URL: '" + endpoint + "' (" + e.getReason() + ")");
        }
    }

    private static Api api(String api) {
        return switch (api == null ? "" : api.toLowerCase(Locale.ROOT)) {
            case "chat" -> Api.CHAT;
            case "completions" -> Api.COMPLETIONS;
            default -> throw InputException.setting("api", "expected chat or completions, got '" + api + "'");
        };
    }

    private static Lengths lengths(String setting, String spec) {
        if (spec == null) {
            return null;
        }
        try {
            return new Lengths(spec.strip());
        } catch (IllegalArgumentException e) {
            throw InputException.setting(setting, e.getMessage());
        }
    }

    private static List<Slo> slos(String slo) {
        if (slo == null) {
            return List.of();
        }
        try {
            return Slo.parseAll(slo);
        } catch (IllegalArgumentException e) {
            throw InputException.setting("slo", e.getMessage());
        }
    }
}
