package dev.unitcost.engine.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.InputException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks before a run measures a server, each failing as one {@link InputException} line that
 * names the setting to change:
 *
 * <ol>
 *   <li>the API key's variable, when one is named, is set ({@code apiKeyEnv});
 *   <li>{@code GET /v1/models} answers: nothing listening or no answer in time ({@code endpoint}),
 *       401/403 ({@code apiKeyEnv}: the server wants a key, or refused the one given), no model
 *       list ({@code endpoint});
 *   <li>the served model is in the list, or the error lists what is served ({@code servedModel});
 *   <li>one short streamed request (16 tokens, forced length asked for) comes back as an event
 *       stream: a single JSON body means the server does not stream ({@code endpoint}); a 400 or
 *       422 is retried once without {@code ignore_eos}/{@code min_tokens}, which are then never
 *       sent again (the server rejects fields it does not know); a stream without any output text
 *       is refused too ({@code endpoint}): there would be nothing to time.
 * </ol>
 *
 * <p>What the probe saw fills {@link EndpointFacts}: the server's identity ({@link ServerIdentity}),
 * its models, whether it sent {@code usage} in the stream, and whether the forced length held.
 */
final class Preflight {

    static final int PROBE_TOKENS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAiStreamingClient client;

    Preflight(OpenAiStreamingClient client) {
        this.client = client;
    }

    /** The API key, when a variable is named; refused when that variable is unset or blank. */
    static Optional<String> apiKey(EndpointConfig config, Function<String, String> environment) {
        if (config.apiKeyEnv().isEmpty()) {
            return Optional.empty();
        }
        String name = config.apiKeyEnv().get();
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw InputException.setting("apiKeyEnv", "environment variable " + name + " is not set (it should hold the API key)");
        }
        return Optional.of(value.strip());
    }

    EndpointFacts run() {
        List<String[]> models = models();
        List<String> ids = models.stream().map(m -> m[0]).toList();
        String model = client.config().servedModel();
        if (!ids.contains(model)) {
            throw InputException.setting("servedModel", "'" + model + "' is not served at " + client.base()
                    + (ids.isEmpty() ? "; it lists no models" : "; it serves: " + String.join(", ", ids)));
        }
        OpenAiStreamingClient.Exchange probe = probe();
        StreamOutcome outcome = probe.outcome();
        List<String> owners = models.stream().map(m -> m[1]).toList();
        return new EndpointFacts(ServerIdentity.of(owners, probe.fingerprint(), probe.serverHeader()), ids,
                outcome.usageCompletionTokens() >= 0, outcome.forcedLength());
    }

    /** {@code [id, owned_by]} of each model {@code /v1/models} lists. */
    private List<String[]> models() {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.route("/v1/models"))
                .timeout(client.config().requestTimeout()).GET();
        client.apiKey().ifPresent(k -> request.header("Authorization", "Bearer " + k));
        HttpResponse<String> response;
        try {
            response = client.http().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw endpoint("nothing answers at " + client.base() + " (connection refused)");
        } catch (HttpTimeoutException e) {
            throw endpoint("no answer from " + client.base() + " within " + client.config().requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            throw endpoint("cannot reach " + client.base() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw endpoint("interrupted while connecting to " + client.base());
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw keyRefused(status, ErrorBodies.message(response.body()));
        }
        if (status / 100 != 2) {
            throw endpoint(client.route("/v1/models") + " answered HTTP " + status + " ("
                    + ErrorBodies.message(response.body()) + "): give the root URL of an OpenAI-compatible server");
        }
        try {
            JsonNode data = JSON.readTree(response.body()).get("data");
            if (data == null || !data.isArray()) {
                throw new IOException("no data array");
            }
            List<String[]> models = new ArrayList<>();
            for (JsonNode m : data) {
                if (!m.hasNonNull("id")) {
                    throw new IOException("a model without an id");
                }
                models.add(new String[] {m.get("id").asText(), m.path("owned_by").asText("")});
            }
            return models;
        } catch (IOException e) {
            throw endpoint(client.route("/v1/models") + " is not an OpenAI model list (JSON with data[].id): "
                    + ErrorBodies.oneLine(String.valueOf(e.getMessage())));
        }
    }

    private OpenAiStreamingClient.Exchange probe() {
        StreamRequest request = new StreamRequest("preflight", "Count from one to twenty in words.", -1, PROBE_TOKENS, true);
        OpenAiStreamingClient.Exchange exchange = send(request);
        EndpointError error = exchange.outcome().error();
        if (error != null && error.kind() == ErrorKind.HTTP_STATUS && (error.httpStatus() == 400 || error.httpStatus() == 422)) {
            client.forceFields(false);
            exchange = send(request);
            error = exchange.outcome().error();
        }
        if (error == null && exchange.outcome().chunkNanos().length == 0) {
            throw endpoint("a streamed test request to " + client.route(client.config().api().path())
                    + " ended without any output text: nothing to time");
        }
        if (error == null) {
            return exchange;
        }
        String route = "POST " + client.route(client.config().api().path());
        if (error.kind() == ErrorKind.HTTP_STATUS && (error.httpStatus() == 401 || error.httpStatus() == 403)) {
            throw keyRefused(error.httpStatus(), error.message());
        }
        if (error.kind() == ErrorKind.MALFORMED_STREAM && error.message().startsWith(StreamCall.NOT_A_STREAM)) {
            throw endpoint(route + " " + error.message() + ": the server does not stream");
        }
        throw endpoint("a streamed test request failed: " + route + ": " + error.kind() + ": " + error.message());
    }

    private OpenAiStreamingClient.Exchange send(StreamRequest request) {
        try {
            return client.exchange(request, System::nanoTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw endpoint("interrupted while connecting to " + client.base());
        }
    }

    private InputException keyRefused(int status, String said) {
        if (client.config().apiKeyEnv().isEmpty()) {
            return InputException.setting("apiKeyEnv", "the server at " + client.base() + " asks for an API key (HTTP "
                    + status + ": " + client.redactor().redact(said) + "); name the environment variable that holds it");
        }
        return InputException.setting("apiKeyEnv", "the server at " + client.base() + " refused the key in "
                + client.config().apiKeyEnv().get() + " (HTTP " + status + ": " + client.redactor().redact(said) + ")");
    }

    private InputException endpoint(String expectation) {
        return InputException.setting("endpoint", client.redactor().redact(expectation));
    }
}
