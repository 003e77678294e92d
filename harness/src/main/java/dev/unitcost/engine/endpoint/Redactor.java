package dev.unitcost.engine.endpoint;

/**
 * Keeps an API key out of every message: a server may echo the key it refused ("invalid key
 * sk-…"), and its error text reaches reports and the console. Not a record, so that no
 * {@code toString} can print the key.
 */
final class Redactor {

    static final Redactor NONE = new Redactor("");

    private final String secret;

    Redactor(String secret) {
        this.secret = secret;
    }

    String redact(String message) {
        return secret.isEmpty() || message == null ? message : message.replace(secret, "[API key]");
    }

    @Override
    public String toString() {
        return "Redactor";
    }
}
