package dev.unitcost.engine.endpoint;

/**
 * Sends one streamed request and waits for its end. Implementations are thread-safe: a load run
 * calls {@link #send} from as many threads as it has requests in flight.
 *
 * <p>Whatever the server does wrong is reported in the outcome ({@link StreamOutcome#error()}),
 * never thrown: a run counts every failure by type. Only an interrupt (the run being stopped) is
 * thrown.
 */
public interface StreamingClient extends AutoCloseable {

    StreamOutcome send(StreamRequest request) throws InterruptedException;

    /** What connecting found out about the server (for the report). */
    EndpointFacts facts();

    /** Releases connections and threads; outcomes already returned stay valid. */
    @Override
    void close();
}
