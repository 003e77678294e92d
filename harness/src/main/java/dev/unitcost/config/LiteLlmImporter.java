package dev.unitcost.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.InputException;
import dev.unitcost.cost.RateCard;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts LiteLLM's {@code model_prices_and_context_window.json} (USD per token) into our rate
 * cards (USD per 1M tokens), one card per {@code litellm_provider}.
 *
 * <p>Only {@code chat} and {@code embedding} entries are imported; other modes (images, audio,
 * rerank, …) are counted and left out. An entry whose input price (or, for chat, output price) is
 * missing, null, not a number or negative is <b>skipped</b> and listed with the reason: it cannot
 * be priced. An entry whose price looks implausible is <b>written with a {@code flag}</b> and
 * listed, so the user decides: a price over {@value #OUTLIER_FACTOR}× the median of the same
 * provider's other models of the same mode (with at least {@value #MIN_PEERS} of them), or a chat
 * model priced zero for both input and output. Optional prices (cached, batch) that are invalid
 * are dropped and the entry flagged. A {@code provider/} prefix on a model key is removed when it
 * names the entry's own provider (so {@code gemini/gemini-2.5-pro} becomes {@code gemini-2.5-pro}
 * on the {@code gemini} card), unless that would collide with another key.
 */
public final class LiteLlmImporter {

    static final int OUTLIER_FACTOR = 10;
    static final int MIN_PEERS = 3;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private LiteLlmImporter() {}

    /** An entry left out, and why. */
    public record Skipped(String key, String reason) {}

    /** An entry written with a flag. */
    public record Flagged(String provider, String model, String flag) {}

    /**
     * What an import produced.
     *
     * @param cards one per provider, sorted by provider
     * @param skipped entries that could not be priced
     * @param flagged entries written with a flag
     * @param otherModes entries left out because their mode is neither chat nor embedding, by mode
     */
    public record Outcome(List<RateCard> cards, List<Skipped> skipped, List<Flagged> flagged, Map<String, Integer> otherModes) {
        public int imported() {
            return cards.stream().mapToInt(c -> c.models().size()).sum();
        }

        public int otherModesTotal() {
            return otherModes.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Reads and converts {@code file}.
     *
     * @param asOf the date the prices were true; null to use the file's {@code last_updated}, else {@code importedOn}
     * @param importedOn today
     */
    public static Outcome convert(Path file, LocalDate asOf, LocalDate importedOn) {
        JsonNode root = readJson(file);
        if (!root.isObject()) {
            throw InputException.inFile(file, "(document)", "expected a JSON object of model entries");
        }
        LocalDate date = asOf != null ? asOf : lastUpdated(root).orElse(importedOn);
        List<Skipped> skipped = new ArrayList<>();
        Map<String, Integer> otherModes = new TreeMap<>();
        Map<String, List<Candidate>> byProvider = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Candidate c = candidate(e.getKey(), e.getValue(), skipped, otherModes);
            if (c != null) {
                byProvider.computeIfAbsent(c.provider, k -> new ArrayList<>()).add(c);
            }
        }
        List<Flagged> flagged = new ArrayList<>();
        List<RateCard> cards = new ArrayList<>();
        String source = "LiteLLM model_prices_and_context_window.json (BerriAI/litellm, MIT), file "
                + file.getFileName() + lastUpdated(root).map(d -> ", last_updated " + d).orElse("")
                + "; converted from USD per token to per 1M tokens";
        for (Map.Entry<String, List<Candidate>> p : byProvider.entrySet()) {
            List<RateCard.ApiPrice> models = new ArrayList<>();
            for (Candidate c : p.getValue()) {
                String flag = LiteLlmOutliers.flag(c, p.getValue());
                RateCard.ApiPrice price = c.toPrice(modelName(c, p.getValue()), flag);
                if (price.flag() != null) {
                    flagged.add(new Flagged(c.provider, price.model(), price.flag()));
                }
                models.add(price);
            }
            cards.add(new RateCard(p.getKey(), source, date, importedOn, models));
        }
        return new Outcome(cards, skipped, flagged, otherModes);
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": file not found");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            return failJson(file, line, e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode failJson(Path file, int line, String message) {
        String first = message == null ? "invalid JSON" : message.lines().findFirst().orElse("invalid JSON");
        throw line > 0 ? InputException.inFile(file, line, "(syntax)", first) : InputException.inFile(file, "(syntax)", first);
    }

    private static java.util.Optional<LocalDate> lastUpdated(JsonNode root) {
        JsonNode n = root.get("last_updated");
        if (n == null || !n.isTextual() || n.asText().length() < 10) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(n.asText().substring(0, 10)));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** One importable entry, prices already per 1M tokens. */
    static final class Candidate {
        final String key;
        final String provider;
        final String mode;
        final BigDecimal input;
        final BigDecimal output;
        BigDecimal cachedInput;
        BigDecimal batchInput;
        BigDecimal batchOutput;
        final Integer contextWindow;
        final List<String> notes = new ArrayList<>();

        Candidate(String key, String provider, String mode, BigDecimal input, BigDecimal output, Integer contextWindow) {
            this.key = key;
            this.provider = provider;
            this.mode = mode;
            this.input = input;
            this.output = output;
            this.contextWindow = contextWindow;
        }

        RateCard.ApiPrice toPrice(String model, String outlierFlag) {
            List<String> all = new ArrayList<>(notes);
            if (outlierFlag != null) {
                all.add(outlierFlag);
            }
            return new RateCard.ApiPrice(model, mode, input, output, cachedInput, batchInput, batchOutput, contextWindow,
                    all.isEmpty() ? null : String.join("; ", all));
        }
    }

    private static Candidate candidate(String key, JsonNode v, List<Skipped> skipped, Map<String, Integer> otherModes) {
        if (!v.isObject()) {
            skipped.add(new Skipped(key, "not a model entry"));
            return null;
        }
        if (key.equals("sample_spec")) {
            skipped.add(new Skipped(key, "LiteLLM's schema example, not a model"));
            return null;
        }
        String mode = v.path("mode").asText("(none)");
        if (!mode.equals("chat") && !mode.equals("embedding")) {
            otherModes.merge(mode, 1, Integer::sum);
            return null;
        }
        JsonNode providerNode = v.get("litellm_provider");
        if (providerNode == null || !providerNode.isTextual() || providerNode.asText().isBlank()) {
            skipped.add(new Skipped(key, "litellm_provider missing"));
            return null;
        }
        Price in = price(v, "input_cost_per_token");
        if (in.problem != null) {
            skipped.add(new Skipped(key, in.problem));
            return null;
        }
        Price out = price(v, "output_cost_per_token");
        if (mode.equals("chat") && out.problem != null) {
            skipped.add(new Skipped(key, out.problem));
            return null;
        }
        // an embedding's "output price" is 0 or absent in LiteLLM: it generates nothing, so we write none
        BigDecimal output = mode.equals("chat") ? out.perMillion : null;
        Candidate c = new Candidate(key, providerNode.asText(), mode, in.perMillion, output, contextWindow(v));
        c.cachedInput = optional(v, "cache_read_input_token_cost", "cachedInput", c);
        c.batchInput = optional(v, "input_cost_per_token_batches", "batchInput", c);
        c.batchOutput = mode.equals("chat") ? optional(v, "output_cost_per_token_batches", "batchOutput", c) : null;
        return c;
    }

    /** A price field read per token and converted per 1M, or why it cannot be. */
    record Price(BigDecimal perMillion, String problem) {}

    static Price price(JsonNode entry, String field) {
        JsonNode n = entry.get(field);
        if (n == null) {
            return new Price(null, field + " missing");
        }
        if (n.isNull()) {
            return new Price(null, field + " is null");
        }
        if (!n.isNumber()) {
            return new Price(null, field + " is not a number: " + n);
        }
        BigDecimal perToken = n.decimalValue();
        if (perToken.signum() < 0) {
            return new Price(null, field + " is negative: " + perToken.toPlainString());
        }
        BigDecimal perMillion = perToken.movePointRight(6).stripTrailingZeros();
        return new Price(perMillion.scale() < 0 ? perMillion.setScale(0) : perMillion, null);
    }

    private static BigDecimal optional(JsonNode v, String field, String ours, Candidate c) {
        if (v.get(field) == null || v.get(field).isNull()) {
            return null;
        }
        Price p = price(v, field);
        if (p.problem != null) {
            c.notes.add(ours + " dropped (" + p.problem + ")");
            return null;
        }
        return p.perMillion;
    }

    private static Integer contextWindow(JsonNode v) {
        for (String f : List.of("max_input_tokens", "max_tokens")) {
            JsonNode n = v.get(f);
            if (n != null && n.canConvertToInt() && n.isIntegralNumber() && n.asInt() > 0) {
                return n.asInt();
            }
        }
        return null;
    }

    private static String modelName(Candidate c, List<Candidate> peers) {
        String prefix = c.provider + "/";
        if (!c.key.startsWith(prefix)) {
            return c.key;
        }
        String bare = c.key.substring(prefix.length());
        boolean collides = peers.stream().anyMatch(o -> o != c && o.key.equals(bare));
        return collides ? c.key : bare;
    }
}
