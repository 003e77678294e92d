package dev.unitcost.engine.endpoint.replay;

/**
 * One streamed piece of output in a replay script.
 *
 * @param text the text the chunk carries
 * @param tokens how many tokens the scripted server generated for it (its usage adds these up)
 * @param gapNanos scripted time since the previous chunk (for the first: since the request
 *     arrived); a {@link VirtualClock} reads it, a replay in real time sleeps it
 */
public record Chunk(String text, int tokens, long gapNanos) {

    public Chunk {
        if (tokens < 0 || gapNanos < 0) {
            throw new IllegalArgumentException("tokens and gap must not be negative");
        }
    }

    public static Chunk of(String text, int tokens, long gapNanos) {
        return new Chunk(text, tokens, gapNanos);
    }
}
