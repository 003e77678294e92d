package dev.unitcost.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the hardware profile that best describes this machine, by plain text matching on each
 * profile's name and description. The rule, in order:
 *
 * <ol>
 *   <li>With GPUs: split each GPU name into words and keep those with a digit ({@code H100},
 *       {@code 80GB}, {@code 4090}, {@code L4}); a profile scores one point per such word it
 *       contains as a whole word (case-insensitive); the highest score above 0 wins.
 *   <li>Without GPUs, or when no profile names a GPU word: a profile that states this machine's
 *       thread count ({@code "2 vCPU"}, {@code "16 threads"}, {@code "8 cores"}) matches.
 * </ol>
 *
 * Ties go to the first profile in the order given (the caller sorts by file name). Nothing
 * matching is a valid answer: {@link #best} is then empty.
 */
public final class HardwareMatch {

    /** A profile to consider: its name, its description, and where it came from. */
    public record Candidate(String name, String description, String file) {}

    /** The chosen profile and why, in words. */
    public record Match(Candidate profile, String why) {}

    private static final Pattern THREADS = Pattern.compile("(\\d+)\\s*(?:-\\s*)?(?:v?cpus?|threads?|cores?)\\b");

    private HardwareMatch() {}

    public static Optional<Match> best(int logicalProcessors, List<String> gpuNames, List<Candidate> candidates) {
        Set<String> words = gpuWords(gpuNames);
        Match best = null;
        int bestScore = 0;
        for (Candidate c : candidates) {
            String text = text(c);
            List<String> hits = new ArrayList<>();
            for (String w : words) {
                if (Pattern.compile("\\b" + Pattern.quote(w) + "\\b").matcher(text).find()) {
                    hits.add(w);
                }
            }
            if (hits.size() > bestScore) {
                bestScore = hits.size();
                best = new Match(c, "names the GPU (" + String.join(", ", hits) + ")");
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        for (Candidate c : candidates) {
            Matcher m = THREADS.matcher(text(c));
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) == logicalProcessors) {
                    return Optional.of(new Match(c, "states " + logicalProcessors + " CPU threads, as this machine has"));
                }
            }
        }
        return Optional.empty();
    }

    private static String text(Candidate c) {
        return (c.name() + " " + (c.description() == null ? "" : c.description())).toLowerCase(Locale.ROOT);
    }

    static Set<String> gpuWords(List<String> gpuNames) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : gpuNames) {
            for (String w : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (w.chars().anyMatch(Character::isDigit) && !w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
