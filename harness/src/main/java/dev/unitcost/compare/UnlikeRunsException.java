package dev.unitcost.compare;

import java.util.List;
import java.util.stream.Collectors;

/** Two runs differ in what they measured with, and the caller did not ask to compare them anyway. */
public final class UnlikeRunsException extends IllegalArgumentException {

    private final transient List<RunDifferences.Difference> differences;

    UnlikeRunsException(List<RunDifferences.Difference> differences) {
        super("unlike runs: " + differences.stream().map(Object::toString).collect(Collectors.joining("; ")));
        this.differences = List.copyOf(differences);
    }

    /** The material differences, as {@link RunDifferences#material} lists them. */
    public List<RunDifferences.Difference> differences() {
        return differences;
    }
}
