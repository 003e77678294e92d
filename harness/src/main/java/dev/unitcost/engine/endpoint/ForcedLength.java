package dev.unitcost.engine.endpoint;

/** Whether a request that asked for a forced output length got it. */
public enum ForcedLength {
    /** The request did not ask. */
    NOT_ASKED,
    /** Exactly {@code maxOutputTokens} came back (by the server's usage, else the client's count). */
    HONOURED,
    /** Fewer came back: the server ignored {@code ignore_eos}/{@code min_tokens} or stopped early. */
    NOT_HONOURED,
    /** The request failed before its length could be known. */
    UNKNOWN
}
