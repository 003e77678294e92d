package dev.unitcost.engine.endpoint;

import java.util.Objects;

/**
 * A failed request.
 *
 * @param kind what went wrong
 * @param httpStatus the status for {@link ErrorKind#HTTP_STATUS}, else 0
 * @param message one line for the report (the server's error message when it sent one); never an API key
 */
public record EndpointError(ErrorKind kind, int httpStatus, String message) {

    public EndpointError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
