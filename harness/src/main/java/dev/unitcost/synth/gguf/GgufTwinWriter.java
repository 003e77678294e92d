package dev.unitcost.synth.gguf;

import dev.unitcost.InputException;
import dev.unitcost.synth.Half;
import dev.unitcost.synth.TwinProgress;
import dev.unitcost.synth.TwinWriter;
import dev.unitcost.synth.gguf.GgufTwinPlan.TwinTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.ToLongFunction;

/**
 * Writes a GGUF twin as one file, {@link GgufTwinPlan#fileName()}, in a new or empty directory (the ONNX
 * twins' {@code --out} convention). The file is written in a hidden temporary directory next to the target
 * and renamed into place when complete; on any failure, or Ctrl-C, the temporary directory is removed.
 */
public final class GgufTwinWriter {

    /** Values generated at a time: 4 Mi floats, 16 MiB. */
    static final int BLOCK_ELEMENTS = 1 << 22;

    private final ToLongFunction<Path> usableBytes;
    private final TwinProgress progress;

    /**
     * @param usableBytes free bytes on the file system holding a directory ({@link TwinWriter#fileStoreUsableBytes})
     * @param progress told as tensor data is written
     */
    public GgufTwinWriter(ToLongFunction<Path> usableBytes, TwinProgress progress) {
        this.usableBytes = usableBytes;
        this.progress = progress;
    }

    /**
     * Writes the twin into {@code out} and returns the file written.
     *
     * @throws InputException for an unusable output directory or too little disk space (nothing written)
     */
    public Path write(GgufTwinPlan plan, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = TwinWriter.checkTarget(target);
        long needed = plan.fileBytes() + (64L << 20);
        long free = usableBytes.applyAsLong(parent);
        if (free < needed) {
            throw InputException.setting("out", "not enough disk space in " + parent + ": the twin needs about "
                    + (needed >> 20) + " MiB, " + (free >> 20) + " MiB free");
        }
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        Thread cleanup = new Thread(() -> {
            try {
                TwinWriter.deleteTree(temp);
            } catch (IOException | RuntimeException e) {
                // best effort while the JVM goes down; the directory's name says it is partial
            }
        }, "unitcost-synth-gguf-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean done = false;
        try {
            writeFile(plan, temp.resolve(plan.fileName()));
            if (Files.isDirectory(target)) {
                Files.delete(target); // checked empty above
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            done = true;
            return target.resolve(plan.fileName());
        } finally {
            if (!done) {
                TwinWriter.deleteTree(temp);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to
            }
        }
    }

    /** Writes the whole file at {@code file}, which must not exist. */
    void writeFile(GgufTwinPlan plan, Path file) throws IOException {
        byte[] header = plan.headerBytes();
        long total = plan.dataBytes();
        long done = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeAt(ch, ByteBuffer.wrap(header), 0);
            for (TwinTensor t : plan.tensors()) {
                GgufTensorInfo info = t.info();
                long rowBytes = info.type().rowBytes(t.cols());
                int block = (int) Math.max(1, Math.min(t.rows(), BLOCK_ELEMENTS / t.cols()));
                float[] values = new float[block * t.cols()];
                for (long r0 = 0; r0 < t.rows(); r0 += block) {
                    int n = (int) Math.min(block, t.rows() - r0);
                    for (int r = 0; r < n; r++) {
                        t.source().row(r0 + r, values, r * t.cols());
                    }
                    ByteBuffer bytes = encode(info.type(), values, n, t.cols());
                    done += bytes.remaining();
                    writeAt(ch, bytes, header.length + info.offset() + r0 * rowBytes);
                    progress.weightsWritten(done, total);
                }
            }
            // the padding after the last tensor, so the file ends on the alignment as llama.cpp's writer ends it
            long end = header.length + total;
            long padded = (end + GgufTwinPlan.ALIGNMENT - 1) / GgufTwinPlan.ALIGNMENT * GgufTwinPlan.ALIGNMENT;
            if (padded > end) {
                writeAt(ch, ByteBuffer.allocate((int) (padded - end)), end);
            }
        }
    }

    /** {@code rows} rows of {@code cols} values in {@code type}'s encoding, little-endian. */
    static ByteBuffer encode(GgmlType type, float[] v, int rows, int cols) {
        int count = rows * cols;
        switch (type) {
            case F32 -> {
                ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < count; i++) {
                    b.putFloat(v[i]);
                }
                return b.flip();
            }
            case F16 -> {
                ByteBuffer b = ByteBuffer.allocate(2 * count).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < count; i++) {
                    b.putShort(Half.fromFloat(v[i]));
                }
                return b.flip();
            }
            default -> {
                int rowBytes = (int) type.rowBytes(cols);
                byte[] out = new byte[rows * rowBytes];
                for (int r = 0; r < rows; r++) {
                    if (type == GgmlType.Q8_0) {
                        BlockQuants.q8_0(v, r * cols, cols, out, r * rowBytes);
                    } else {
                        BlockQuants.q4_0(v, r * cols, cols, out, r * rowBytes);
                    }
                }
                return ByteBuffer.wrap(out);
            }
        }
    }

    private static void writeAt(FileChannel ch, ByteBuffer bytes, long position) throws IOException {
        long p = position;
        while (bytes.hasRemaining()) {
            p += ch.write(bytes, p);
        }
    }
}
