package dev.unitcost.config;

import dev.unitcost.InputException;
import dev.unitcost.cost.Device;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.RateCard;
import dev.unitcost.cost.RateCards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Loads hardware profiles and rate cards from a {@link ProjectLayout}. */
public final class Profiles {

    private final ProjectLayout layout;

    public Profiles(ProjectLayout layout) {
        this.layout = layout;
    }

    /** A hardware profile by name (file under profiles/hardware/) or path. */
    public HardwareProfile hardware(String nameOrPath) {
        Path file = ConfigFiles.resolveNamed(layout.hardware(), nameOrPath, "hardware profile");
        return ConfigFiles.read(file, HardwareProfile.class);
    }

    /** A device by name (file under profiles/devices/) or path. */
    public Device device(String nameOrPath) {
        Path file = ConfigFiles.resolveNamed(layout.devices(), nameOrPath, "device");
        return ConfigFiles.read(file, Device.class);
    }

    /** Every hardware profile under profiles/hardware/, sorted by file name. */
    public List<HardwareProfile> allHardware() {
        Path dir = layout.hardware();
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": hardware profile directory not found");
        }
        return yamlFiles(dir).stream().map(f -> ConfigFiles.read(f, HardwareProfile.class)).toList();
    }

    /** The rate cards in {@code dir} (or profiles/ratecards/), searchable by model name. */
    public RateCards rateCatalog(Path dir) {
        return new RateCards(rateCards(dir));
    }

    /** Every rate card in {@code dir} (defaults to profiles/ratecards/), sorted by file name. */
    public List<RateCard> rateCards(Path dir) {
        Path from = dir != null ? dir : layout.ratecards();
        if (!Files.isDirectory(from)) {
            throw new InputException(from + ": rate card directory not found");
        }
        List<RateCard> cards = new ArrayList<>();
        for (Path file : yamlFiles(from)) {
            cards.add(ConfigFiles.read(file, RateCard.class));
        }
        return cards;
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml");
            }).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }
}
