package dev.unitcost.compare;

import dev.unitcost.metrics.Spread;
import dev.unitcost.result.EmbeddingResult;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RunReport;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * How to read one compared figure from any report of the same task: its value in that run and, for a
 * figure measured in every repetition, the repetitions' values. The confirm step reads it from every
 * run of the history.
 *
 * @param value the run's figure (the median of its repetitions for a repeated one); empty when the run lacks it
 * @param repetitions the run's repetition values (empty when it lacks them); null for a figure with one value per run
 */
record Figure(Function<RunReport, OptionalDouble> value, Function<RunReport, double[]> repetitions) {

    static Figure single(Function<RunReport, OptionalDouble> value) {
        return new Figure(value, null);
    }

    static Figure repeated(Function<RunReport, double[]> repetitions) {
        return new Figure(r -> median(repetitions.apply(r)), repetitions);
    }

    boolean isRepeated() {
        return repetitions != null;
    }

    /** The median, as {@link Spread} takes it, so a run's figure is the one its report shows; empty for no values. */
    static OptionalDouble median(double[] values) {
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(Spread.of(Arrays.stream(values).boxed().toList()).median());
    }

    /** The run's embedding point at these coordinates, when it ran and is ok. */
    static Optional<PointResult> embeddingPoint(RunReport r, int batch, int sequenceLength) {
        if (!(r.result() instanceof EmbeddingResult e)) {
            return Optional.empty();
        }
        return e.points().stream().filter(p -> p.batchSize() == batch && p.sequenceLength() == sequenceLength && p.ok()).findFirst();
    }

    /** The run's endpoint point at this load, when it ran and is ok. */
    static Optional<dev.unitcost.result.EndpointPoint> endpointPoint(RunReport r, String load, double level) {
        if (!(r.result() instanceof dev.unitcost.result.EndpointResult e)) {
            return Optional.empty();
        }
        return e.points().stream().filter(p -> p.load().equals(load) && p.level() == level && p.ok()).findFirst();
    }

    /** The run's generation point at these coordinates, when it ran and is ok. */
    static Optional<GenerationPoint> generationPoint(RunReport r, int batch, int in, int out) {
        if (!(r.result() instanceof GenerationResult g)) {
            return Optional.empty();
        }
        return g.points().stream().filter(p -> p.batchSize() == batch && p.inputLength() == in && p.outputLength() == out && p.ok())
                .findFirst();
    }
}
