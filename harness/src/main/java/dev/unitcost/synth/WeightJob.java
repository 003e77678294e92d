package dev.unitcost.synth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** Produces the bytes of one or more external tensors, a bounded piece at a time. */
interface WeightJob {

    /** The tensors this job fills, completely. */
    List<ExternalTensor> tensors();

    /** Writes every byte of every tensor through the sink. */
    void write(Sink sink) throws IOException;

    /** Where a job's bytes go: a position inside one of its tensors. */
    interface Sink {
        void write(ExternalTensor tensor, long offsetInTensor, ByteBuffer bytes) throws IOException;
    }
}
