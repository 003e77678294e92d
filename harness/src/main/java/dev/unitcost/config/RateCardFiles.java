package dev.unitcost.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.unitcost.InputException;
import dev.unitcost.cost.RateCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rate cards as YAML files under a directory, all or nothing: each card is written to a
 * temporary file and read back through {@link ConfigFiles} before any is moved into place.
 * Unknown prices are written as {@code null} (the reader expects every field).
 */
public final class RateCardFiles {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private RateCardFiles() {}

    /** The file name for a provider's card: {@code provider.yaml}, odd characters replaced. */
    public static String fileName(String provider) {
        return provider.replaceAll("[^A-Za-z0-9._-]", "_") + ".yaml";
    }

    /**
     * Writes one file per card into {@code dir} (created if needed), replacing files of the same
     * name; {@code header} becomes a comment at the top of each. Returns the files written.
     */
    public static List<Path> write(List<RateCard> cards, Path dir, String header) {
        List<Path> temps = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (RateCard card : cards) {
                Path target = dir.resolve(fileName(card.provider()));
                Path temp = dir.resolve("." + target.getFileName() + ".tmp");
                temps.add(temp);
                Files.writeString(temp, comment(header) + YAML.writeValueAsString(card));
                ConfigFiles.read(temp, RateCard.class);
                targets.add(target);
            }
            for (int i = 0; i < temps.size(); i++) {
                Files.move(temps.get(i), targets.get(i), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return targets;
        } catch (IOException e) {
            throw new InputException(dir + ": cannot write rate cards (" + e.getMessage() + ")", e);
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static String comment(String header) {
        StringBuilder b = new StringBuilder();
        for (String line : header.split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        return b.toString();
    }
}
