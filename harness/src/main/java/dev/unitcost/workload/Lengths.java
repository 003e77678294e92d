package dev.unitcost.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformIntegerDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How long each request's prompt or output is, in tokens: {@code 128} (fixed),
 * {@code uniform:64:256} (inclusive bounds), {@code normal:128:32} (mean, standard deviation) or
 * {@code lognormal:128:0.5} (median, sigma of the log). Drawn lengths are rounded and at least 1.
 *
 * @param spec the text form, as written in a workload or on the command line
 */
public record Lengths(String spec) {

    public Lengths {
        parse(spec);
    }

    @JsonCreator
    public static Lengths of(Object value) {
        return new Lengths(String.valueOf(value).strip());
    }

    @JsonValue
    public String spec() {
        return spec;
    }

    /** The value of a fixed length, or the distribution's centre (mean, median, midpoint): what a report names the point by. */
    public int nominal() {
        double[] p = parse(spec);
        return (int) Math.max(1, Math.round(spec.startsWith("uniform") ? (p[0] + p[1]) / 2 : p[0]));
    }

    /** One length drawn with {@code random}. */
    public int draw(RandomGenerator random) {
        double[] p = parse(spec);
        String kind = kind(spec);
        double v = switch (kind) {
            case "fixed" -> p[0];
            case "uniform" -> new UniformIntegerDistribution(random, (int) p[0], (int) p[1]).sample();
            case "normal" -> new NormalDistribution(random, p[0], p[1]).sample();
            default -> new LogNormalDistribution(random, Math.log(p[0]), p[1]).sample();
        };
        return (int) Math.max(1, Math.round(v));
    }

    /** The longest length this can draw (a high quantile for unbounded distributions), for context checks. */
    public int upperBound() {
        double[] p = parse(spec);
        return switch (kind(spec)) {
            case "fixed" -> (int) p[0];
            case "uniform" -> (int) p[1];
            case "normal" -> (int) Math.ceil(p[0] + 4 * p[1]);
            default -> (int) Math.ceil(p[0] * Math.exp(4 * p[1]));
        };
    }

    private static String kind(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? "fixed" : spec.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static double[] parse(String spec) {
        String expected = "expected N, uniform:MIN:MAX, normal:MEAN:SD or lognormal:MEDIAN:SIGMA, got '" + spec + "'";
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(expected);
        }
        String[] parts = spec.split(":");
        String kind = kind(spec);
        try {
            if ("fixed".equals(kind)) {
                int n = Integer.parseInt(spec.strip());
                if (n < 1) {
                    throw new IllegalArgumentException("a length must be >= 1, got " + n);
                }
                return new double[] {n};
            }
            if (parts.length != 3 || !java.util.List.of("uniform", "normal", "lognormal").contains(kind)) {
                throw new IllegalArgumentException(expected);
            }
            double a = Double.parseDouble(parts[1]);
            double b = Double.parseDouble(parts[2]);
            if ("uniform".equals(kind) && !(a >= 1 && b >= a && a == Math.rint(a) && b == Math.rint(b))) {
                throw new IllegalArgumentException("uniform:MIN:MAX needs whole numbers 1 <= MIN <= MAX, got '" + spec + "'");
            }
            if (!"uniform".equals(kind) && !(a >= 1 && b > 0)) {
                throw new IllegalArgumentException(kind + " needs a centre >= 1 and a spread > 0, got '" + spec + "'");
            }
            return new double[] {a, b};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected);
        }
    }
}
