package dev.unitcost.engine.endpoint;

/**
 * One request of a load run.
 *
 * @param id unique within a run (kept in the outcome, so errors can be traced to requests)
 * @param prompt the text sent (as one user message for {@link Api#CHAT})
 * @param promptTokens the prompt's length in the server's tokens when a tokenizer counted it, else -1
 * @param maxOutputTokens {@code max_tokens}
 * @param forceLength ask the server to generate exactly {@code maxOutputTokens} ({@code ignore_eos},
 *     {@code min_tokens} where the dialect accepts them); the outcome says whether it did
 */
public record StreamRequest(String id, String prompt, int promptTokens, int maxOutputTokens, boolean forceLength) {

    public StreamRequest {
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1, was " + maxOutputTokens);
        }
    }
}
