package dev.unitcost.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A set of rate cards searched by model name. A name matches a model id exactly, or as
 * {@code provider/model}; near misses are offered by edit distance.
 */
public final class RateCards {

    private final List<RateCard> cards;

    public RateCards(List<RateCard> cards) {
        this.cards = List.copyOf(cards);
    }

    /** One model on one card. */
    public record Entry(RateCard card, RateCard.ApiPrice price) {
        public String qualifiedName() {
            return card.provider() + "/" + price.model();
        }

        /** The inputs of a price, for cost lines: model, provider, card date, flag if any. */
        public String describe() {
            return price.model() + " (" + card.provider() + " rate card, asOf " + card.asOf()
                    + (card.importedOn() != null ? ", imported " + card.importedOn() : "") + ")"
                    + (price.flag() != null ? " [FLAGGED: " + price.flag() + "]" : "");
        }
    }

    public List<RateCard> cards() {
        return cards;
    }

    /** Every entry, in card then file order. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        for (RateCard c : cards) {
            for (RateCard.ApiPrice p : c.models()) {
                all.add(new Entry(c, p));
            }
        }
        return all;
    }

    /** Entries whose model id is {@code name}, or whose {@code provider/model} is. */
    public List<Entry> matches(String name) {
        List<Entry> exact = entries().stream().filter(e -> e.price().model().equals(name)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return entries().stream().filter(e -> e.qualifiedName().equals(name)).toList();
    }

    /**
     * Up to {@code limit} names close to {@code name}, best first: case-insensitive edit distance
     * against both the bare and the qualified name, with a substring counted as a near hit.
     */
    public List<String> suggestions(String name, int limit) {
        String wanted = name.toLowerCase(Locale.ROOT);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        record Scored(String name, int score) {}
        List<Scored> scored = new ArrayList<>();
        for (Entry e : entries()) {
            String bare = e.price().model().toLowerCase(Locale.ROOT);
            String full = e.qualifiedName().toLowerCase(Locale.ROOT);
            int d = Math.min(distance.apply(wanted, bare), distance.apply(wanted, full));
            if (bare.contains(wanted) || wanted.contains(bare)) {
                d = Math.min(d, 1 + Math.abs(bare.length() - wanted.length()) / 4);
            }
            int tolerance = Math.max(3, wanted.length() / 3);
            if (d <= tolerance) {
                scored.add(new Scored(isUnique(e) ? e.price().model() : e.qualifiedName(), d));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .map(Scored::name).distinct().limit(limit).toList();
    }

    private boolean isUnique(Entry e) {
        return entries().stream().filter(x -> x.price().model().equals(e.price().model())).count() == 1;
    }
}
