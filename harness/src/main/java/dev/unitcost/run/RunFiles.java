package dev.unitcost.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sizes of model files on disk, for the report. */
final class RunFiles {

    private RunFiles() {}

    /** The ONNX file plus its external data files (same stem). */
    static long sizeOnDisk(Path onnx) {
        try (var files = Files.list(onnx.getParent())) {
            String stem = onnx.getFileName().toString();
            return files.filter(p -> p.getFileName().toString().startsWith(stem)).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
