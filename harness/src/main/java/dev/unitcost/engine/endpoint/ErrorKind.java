package dev.unitcost.engine.endpoint;

/** Why a request failed; a load run counts failures by these types and never drops one. */
public enum ErrorKind {
    /** The server answered with a non-2xx status ({@link EndpointError#httpStatus()} says which). */
    HTTP_STATUS,
    /** No complete answer within the request timeout. */
    TIMEOUT,
    /** The connection was refused (nothing listening). */
    CONNECTION_REFUSED,
    /** The connection closed or reset before the stream ended (a server that died mid-run). */
    CONNECTION_LOST,
    /** The stream was not valid SSE, or a data line was not the JSON the API defines. */
    MALFORMED_STREAM,
    /** The stream ended cleanly but without {@code [DONE]} or a finish reason. */
    INCOMPLETE_STREAM
}
