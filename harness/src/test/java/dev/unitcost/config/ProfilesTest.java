package dev.unitcost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.HourlyCost;
import dev.unitcost.cost.Money;
import dev.unitcost.cost.RateCard;
import dev.unitcost.cost.RateCards;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped profiles/ files load, and bad ones fail with one line naming file, field and expectation. */
class ProfilesTest {

    /** The repository's own profiles/ (tests run in harness/). */
    static final ProjectLayout REPO = new ProjectLayout(Path.of(".."), Path.of("target", "cache"));

    /** Frozen fixture profiles (src/test/resources/fixtures/cost): prices are checked on these, never on the shipped ones. */
    static final ProjectLayout FIXTURES = fixtures();

    private static ProjectLayout fixtures() {
        try {
            return new ProjectLayout(Path.of(ProfilesTest.class.getResource("/fixtures/cost").toURI()), Path.of("target", "cache"));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path tmp;

    @Test
    void everyShippedHardwareProfileLoadsWithSourceAndDate() {
        List<HardwareProfile> all = new Profiles(REPO).allHardware();
        Set<String> names = all.stream().map(HardwareProfile::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("runpod-h100-sxm", "runpod-h200-sxm", "runpod-a100-80gb", "aws-g6e-xlarge",
                "aws-g6-2xlarge", "aws-g5-xlarge", "runpod-rtx4090", "aws-m6i-large", "aws-c6i-large",
                "owned-h100-server", "owned-epyc-9654-server")), names.toString());
        for (HardwareProfile p : all) {
            assertFalse(p.source().isBlank(), p.name());
            assertTrue(p.asOf().getYear() >= 2026, p.name());
        }
        for (String cpu : List.of("aws-m6i-large", "aws-c6i-large")) {
            assertTrue(new Profiles(REPO).hardware(cpu).source().contains("remembered, not re-checked"), cpu);
        }
    }

    @Test
    void anOwnedServerIsPricedPerDevice() {
        Profiles fixtures = new Profiles(FIXTURES);
        HardwareProfile server = fixtures.hardware("owned-h100-server");
        assertEquals(8, server.devices());
        // fixture, per device: 240,000 / 8 = 30,000 over 3 × 8,760 h = 1.1415525 + 0.7 kW × 1.56 × 0.083 = 0.0906360 → 1.2321885
        assertEquals(new BigDecimal("1.2322"), Money.perHour(server.usdPerDeviceHour()));
        HardwareProfile rented = fixtures.hardware("runpod-h100-sxm");
        assertEquals(new BigDecimal("2.9900"), Money.perHour(rented.usdPerHour()));
        assertEquals(new BigDecimal("2.69"), HourlyCost.of(rented, HourlyCost.RentalPrice.SPOT, 1, 1.0, null).usdPerHour()
                .stripTrailingZeros());
    }

    @Test
    void shippedRateCardsCoverTheProvidersAndEmbeddingModels() {
        RateCards cards = new Profiles(REPO).rateCatalog(null);
        Set<String> providers = cards.cards().stream().map(RateCard::provider).collect(Collectors.toSet());
        assertTrue(providers.containsAll(Set.of("openai", "anthropic", "gemini", "mistral", "deepseek", "together_ai",
                "groq", "fireworks_ai", "deepinfra", "voyage", "cohere")), providers.toString());
        Set<String> embeddings = cards.entries().stream().filter(e -> e.price().isEmbedding())
                .map(e -> e.price().model()).collect(Collectors.toSet());
        assertEquals(Set.of("text-embedding-3-small", "text-embedding-3-large", "gemini-embedding-001", "mistral-embed",
                "voyage-3.5", "embed-v4.0", "BAAI/bge-base-en-v1.5"), embeddings);
        for (RateCards.Entry e : cards.entries()) {
            assertTrue(e.price().isEmbedding() || e.price().output() != null, e.qualifiedName() + " is a chat model with an output price");
        }
        RateCard.ApiPrice sonnet = new Profiles(FIXTURES).rateCatalog(null).matches("claude-sonnet-4-6").get(0).price();
        assertEquals(new BigDecimal("15.00"), sonnet.output());
        assertEquals(null, sonnet.batchInput(), "unknown batch price stays unknown");
        assertEquals(2, cards.matches("openai/gpt-oss-120b").size(), "together and groq both sell it");
        assertEquals(1, cards.matches("groq/openai/gpt-oss-120b").size());
    }

    @Test
    void closeNamesAreSuggested() {
        RateCards cards = new Profiles(REPO).rateCatalog(null);
        assertTrue(cards.matches("gpt4o").isEmpty());
        assertEquals("gpt-4o", cards.suggestions("gpt4o", 5).get(0));
        assertTrue(cards.suggestions("claude-sonet-4-6", 5).contains("claude-sonnet-4-6"));
        assertTrue(cards.suggestions("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 5).isEmpty());
    }

    @Test
    void zeroLifeYearsNamesTheField() throws IOException {
        Path f = write("bad.yaml", ProfileTexts.owned("lifeYears: 0"));
        InputException e = assertThrows(InputException.class, () -> ConfigFiles.read(f, HardwareProfile.class));
        assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("lifeYears must be > 0"), e.getMessage());
    }

    @Test
    void negativeAndNonNumericPricesNameTheField() throws IOException {
        Path neg = write("neg.yaml", ProfileTexts.card("input: -1.0"));
        InputException e = assertThrows(InputException.class, () -> ConfigFiles.read(neg, RateCard.class));
        assertTrue(e.getMessage().contains("input must be >= 0"), e.getMessage());
        assertTrue(e.getMessage().startsWith(neg + ":"), e.getMessage());
        Path word = write("word.yaml", ProfileTexts.card("input: cheap"));
        InputException w = assertThrows(InputException.class, () -> ConfigFiles.read(word, RateCard.class));
        assertTrue(w.getMessage().contains("models[0].input"), w.getMessage());
        Path rent = write("rent.yaml", ProfileTexts.rented("usdPerHour: -2.99"));
        InputException r = assertThrows(InputException.class, () -> ConfigFiles.read(rent, HardwareProfile.class));
        assertTrue(r.getMessage().contains("usdPerHour must be >= 0"), r.getMessage());
    }

    @Test
    void aRateCardWithoutAsOfIsRefused() throws IOException {
        Path f = write("noasof.yaml", ProfileTexts.card("input: 1.0").replace("asOf: 2026-07-24\n", "asOf: null\n"));
        InputException e = assertThrows(InputException.class, () -> ConfigFiles.read(f, RateCard.class));
        assertTrue(e.getMessage().contains("required: asOf"), e.getMessage());
        Path dir = Files.createDirectories(tmp.resolve("cards"));
        Files.copy(f, dir.resolve("x.yaml"));
        assertThrows(InputException.class, () -> new Profiles(REPO).rateCards(dir));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }
}
