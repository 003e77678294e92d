package dev.unitcost.run;

import dev.unitcost.result.ModelFacts;
import dev.unitcost.result.TaskResult;

/**
 * One kind of task, planned and ready: what the {@link Runner} skeleton opens, measures while the
 * machine is sampled, and closes. A new kind of task is one implementation of this and one
 * {@link TaskResult}; the skeleton, pricing, storage and formats stay as they are.
 */
public interface TaskRun {

    /** Opens the engine session (model load, tokenizing); the caller closes what it returns. */
    Opened open(RunEnvironment env);

    /** SHA-256 of the model file measured, for provenance. */
    String modelSha256();

    /** An open task: measure once, then close (idempotent). */
    interface Opened extends AutoCloseable {

        /** The model as loaded. */
        ModelFacts facts();

        /** Runs the sweep, telling {@code progress} of phases and points. */
        TaskResult measure(ProgressListener progress);

        @Override
        void close();
    }

    /**
     * An open task from its parts: the facts, the sweep to run, and the engine session to close.
     *
     * @param session closed once, however often {@link #close()} is called
     */
    record OpenTask(ModelFacts facts, java.util.function.Function<ProgressListener, TaskResult> sweep, AutoCloseable session)
            implements Opened {

        @Override
        public TaskResult measure(ProgressListener progress) {
            return sweep.apply(progress);
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the engine session", e);
            }
        }
    }
}
