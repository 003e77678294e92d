package dev.unitcost.engine;

/**
 * The engine could not allocate what a batch needs (device or host memory, or a tensor larger than
 * the runtime can hand over). A sweep records the point as {@code out-of-memory} and goes on with
 * the next one; anything else an engine throws stops the run.
 */
public class OutOfMemoryException extends RuntimeException {

    public OutOfMemoryException(String message) {
        super(message);
    }

    public OutOfMemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
