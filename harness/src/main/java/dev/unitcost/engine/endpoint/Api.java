package dev.unitcost.engine.endpoint;

/** Which OpenAI-compatible route a request goes to. */
public enum Api {
    /** {@code POST /v1/chat/completions}: the prompt is one user message. */
    CHAT("/v1/chat/completions"),
    /** {@code POST /v1/completions}: the prompt is sent as is. */
    COMPLETIONS("/v1/completions");

    private final String path;

    Api(String path) {
        this.path = path;
    }

    /** The route under the server's base URL. */
    public String path() {
        return path;
    }
}
