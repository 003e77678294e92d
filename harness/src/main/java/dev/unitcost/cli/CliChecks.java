package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.BillComparison;
import dev.unitcost.cost.HourlyCost;
import dev.unitcost.cost.RateCards;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** Option checks shared by the cost commands; each failure is one {@link InputException} line naming the option. */
final class CliChecks {

    private CliChecks() {}

    static ProjectLayout layout(Path projectDir) {
        return projectDir != null ? new ProjectLayout(projectDir, ProjectLayout.detect().cacheDir()) : ProjectLayout.detect();
    }

    /** A count that must be at least one (users, requests, tokens). */
    static void positive(long value, String option) {
        if (value <= 0) {
            throw InputException.option(option, "must be > 0, got " + value);
        }
    }

    static void utilisation(double u) {
        utilisation("--utilisation", u);
    }

    /** A share in [0, 1]. */
    static double share(Double s, String option) {
        if (s == null || !(s >= 0 && s <= 1)) {
            throw InputException.option(option, "expected a share in [0, 1], got " + s);
        }
        return s;
    }

    static void utilisation(String option, double u) {
        if (!(u > 0 && u <= 1)) {
            throw InputException.option(option, "must be in (0, 1], got " + u);
        }
    }

    static void rate(double tokensPerSecond, String option) {
        if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
            throw InputException.option(option, "must be > 0 tokens per second, got " + tokensPerSecond);
        }
    }

    static HourlyCost.RentalPrice rentalPrice(String value) {
        return switch (value) {
            case "on-demand" -> HourlyCost.RentalPrice.ON_DEMAND;
            case "spot" -> HourlyCost.RentalPrice.SPOT;
            case "reserved" -> HourlyCost.RentalPrice.RESERVED;
            default -> throw InputException.option("--price", "expected on-demand, spot or reserved, got '" + value + "'");
        };
    }

    /** {@code IN/OUT} or {@code IN}, USD per 1M tokens, each a non-negative number. */
    static BillComparison.ApiPrices apiPrice(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length > 3) {
            throw badPrice(value);
        }
        BigDecimal in = usd(parts[0], value);
        BigDecimal out = parts.length >= 2 ? usd(parts[1], value) : null;
        BigDecimal cached = parts.length == 3 ? usd(parts[2], value) : null;
        return new BillComparison.ApiPrices("given on the command line (USD " + value + " per 1M tokens)", in, out, null, cached);
    }

    private static BigDecimal usd(String text, String whole) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw badPrice(whole);
        }
        if (v.signum() < 0) {
            throw InputException.option("--api-price", "prices must be >= 0, got '" + whole + "'");
        }
        return v;
    }

    private static InputException badPrice(String value) {
        return InputException.option("--api-price", "expected IN/OUT in USD per 1M tokens (e.g. 15/75, IN alone for"
                + " embeddings, IN/OUT/CACHED with a cached-input price), got '" + value + "'");
    }

    /** The one rate card entry named {@code name}, or a line suggesting close names. */
    static RateCards.Entry apiModel(RateCards cards, String name, String where) {
        List<RateCards.Entry> found = cards.matches(name);
        if (found.isEmpty()) {
            List<String> close = cards.suggestions(name, 5);
            throw InputException.option("--api", "unknown API model '" + name + "' in " + where
                    + (close.isEmpty() ? "; see 'unitcost ratecards list'" : "; did you mean " + String.join(", ", close) + "?"));
        }
        if (found.size() > 1) {
            throw InputException.option("--api", "'" + name + "' is sold by several providers; name one of "
                    + String.join(", ", found.stream().map(RateCards.Entry::qualifiedName).toList()));
        }
        return found.get(0);
    }
}
