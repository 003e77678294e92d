package dev.unitcost.config;

import dev.unitcost.InputException;
import dev.unitcost.cost.LoadCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A day's load curve: a built-in name ({@code flat}, {@code business-hours}, {@code diurnal}) or a
 * text file of 24 hourly volumes, hour 0 first, in any unit (requests, tokens, a share), separated
 * by commas, spaces or new lines; {@code #} starts a comment. The volumes are scaled to shares of
 * the day.
 */
public final class LoadCurveFiles {

    private LoadCurveFiles() {}

    /**
     * @throws InputException naming the file (and the hour) when it is not 24 volumes &gt;= 0, not all zero
     */
    public static LoadCurve read(String nameOrPath) {
        var builtIn = LoadCurve.builtIn(nameOrPath);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw InputException.setting("loadCurve", "expected flat, business-hours, diurnal or a file of 24 hourly volumes;"
                    + " no such file: " + nameOrPath);
        }
        List<Double> volumes = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file)) {
                lineNo++;
                int hash = line.indexOf('#');
                String data = hash >= 0 ? line.substring(0, hash) : line;
                for (String token : data.split("[,\\s]+")) {
                    if (token.isBlank()) {
                        continue;
                    }
                    try {
                        volumes.add(Double.parseDouble(token));
                    } catch (NumberFormatException e) {
                        throw InputException.inFile(file, lineNo, "hour " + volumes.size(), "expected a number, got '" + token + "'");
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return LoadCurve.ofWeights(file.getFileName().toString(), volumes, "from " + file + " (24 hourly volumes, as given)");
        } catch (IllegalArgumentException e) {
            throw InputException.inFile(file, "hourly volumes", e.getMessage());
        }
    }
}
