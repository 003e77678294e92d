package dev.unitcost.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitcost.InputException;
import dev.unitcost.Versions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Writes a twin as an onnx-community style directory: {@code config.json},
 * {@code generation_config.json}, {@code tokenizer.json}, {@code twin.json} and
 * {@code onnx/<model>.onnx} with its {@code .onnx_data}. Everything goes to a hidden temporary
 * directory next to the target, renamed into place only when complete; on any failure the
 * temporary directory is removed, so nothing half-written is left.
 */
public final class TwinWriter {

    /** Room kept free beyond the twin's own bytes. */
    static final long DISK_MARGIN_BYTES = 64L << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ToLongFunction<Path> usableBytes;
    private final TwinProgress progress;

    /**
     * @param usableBytes free bytes on the file system holding a directory (the real one:
     *     {@link #fileStoreUsableBytes})
     * @param progress told as weights are written
     */
    public TwinWriter(ToLongFunction<Path> usableBytes, TwinProgress progress) {
        this.usableBytes = usableBytes;
        this.progress = progress;
    }

    /** What to write besides the graph. */
    public record Description(ObjectNode hfConfig, String presetName, Path tokenizer, int bosTokenId, int eosTokenId) {}

    /** Bytes the twin will occupy (graph, weights, tokenizer), an upper estimate used for the disk check. */
    public static long estimatedBytes(TwinPlan plan) {
        long tokenizer = plan.architecture().vocab() * 40L;
        long graph = 64L * 1024 * plan.architecture().layers() + (1 << 20);
        return plan.dataBytes() + tokenizer + graph;
    }

    /**
     * Writes the twin into {@code out}, which must not exist or be an empty directory.
     *
     * @throws InputException for an unusable output directory or too little disk space (nothing written)
     */
    public Path write(TwinPlan plan, Description d, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = checkTarget(target);
        long needed = estimatedBytes(plan) + DISK_MARGIN_BYTES;
        long free = usableBytes.applyAsLong(parent);
        if (free < needed) {
            throw InputException.setting("out", "not enough disk space in " + parent + ": the twin needs about "
                    + mib(needed) + " MiB, " + mib(free) + " MiB free");
        }
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        // Ctrl-C ends the JVM without unwinding this thread: a hook removes the partial twin then.
        Thread cleanup = new Thread(() -> deleteQuietly(temp), "unitcost-synth-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean done = false;
        try {
            openUp(temp);
            fill(plan, d, temp);
            if (Files.isDirectory(target)) {
                Files.delete(target); // checked empty above
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return target;
        } finally {
            if (!done) {
                deleteTree(temp);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; nothing more to do
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            // best effort while the JVM is going down; the directory name says it is partial
        }
    }

    /** A temporary directory is private (rwx------); the finished twin should read like any other directory. */
    private static void openUp(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * Checks that a twin may be written into {@code target} (a new or empty directory in a writable one) and
     * returns its parent; an InputException about the {@code out} setting otherwise. The GGUF writer shares it.
     */
    public static Path checkTarget(Path target) {
        Path parent = target.getParent();
        if (parent == null) {
            throw InputException.setting("out", target + " has no parent directory");
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw InputException.setting("out", target + " exists and is not a directory");
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
                if (entries.iterator().hasNext()) {
                    throw InputException.setting("out", target + " is not empty; give a new or empty directory");
                }
            } catch (IOException e) {
                throw InputException.setting("out", target + " cannot be read (" + e.getMessage() + ")");
            }
        }
        if (!Files.exists(parent)) {
            throw InputException.setting("out", "cannot write in " + parent + ": it does not exist");
        }
        if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw InputException.setting("out", "cannot write in " + parent + ": not a writable directory");
        }
        return parent;
    }

    private void fill(TwinPlan plan, Description d, Path dir) throws IOException {
        Path onnxDir = Files.createDirectory(dir.resolve("onnx"));
        writeWeights(plan, onnxDir.resolve(plan.dataFileName()));
        Map<String, String> metadata = Map.of("unitcost.twin", "true",
                "unitcost.twin.seed", Long.toString(plan.options().seed()),
                "unitcost.twin.quantization", plan.options().quantization().label(),
                "unitcost.twin.prefill_logits", plan.options().prefillLogits());
        try (OutputStream os = Files.newOutputStream(onnxDir.resolve(plan.onnxFileName()))) {
            plan.model(metadata).writeTo(os);
        }
        JSON.writeValue(dir.resolve("config.json").toFile(), d.hfConfig());
        ObjectNode gen = JSON.createObjectNode();
        gen.put("bos_token_id", d.bosTokenId());
        gen.put("eos_token_id", d.eosTokenId());
        gen.put("do_sample", false);
        JSON.writeValue(dir.resolve("generation_config.json").toFile(), gen);
        if (d.tokenizer() != null) {
            Files.copy(d.tokenizer(), dir.resolve("tokenizer.json"));
        } else {
            ByteLevelBpe.write(dir.resolve("tokenizer.json"), plan.architecture().vocab(), d.bosTokenId(), d.eosTokenId());
        }
        JSON.writeValue(dir.resolve("twin.json").toFile(), twinJson(plan, d));
    }

    private static ObjectNode twinJson(TwinPlan plan, Description d) {
        TwinOptions o = plan.options();
        ObjectNode t = JSON.createObjectNode();
        t.put("twin", true);
        t.put("note", "shape twin: the real model's architecture with seeded random weights; its speed is the"
                + " real model's at forced output length, its text is meaningless");
        if (d.presetName() != null) {
            t.put("preset", d.presetName());
        } else {
            t.putNull("preset");
        }
        t.put("quantization", o.quantization().label());
        t.put("seed", o.seed());
        t.put("attention", o.attention().name().toLowerCase(java.util.Locale.ROOT));
        if (o.quantization() == Quantization.INT4) {
            t.put("blockSize", o.blockSize());
            t.put("accuracyLevel", o.accuracyLevel());
        }
        if (o.quantization() == Quantization.INT8) {
            // 7-bit MatMulInteger weights: no u8s8 saturation on CPUs without VNNI (see Int8Rows)
            t.put("int8MatMulWeightMaxMagnitude", Int8Rows.MATMUL_MAX_MAGNITUDE);
        }
        t.put("lastTokenLogits", o.lastTokenLogits());
        t.put("prefillLogits", o.prefillLogits());
        t.put("parameterCount", plan.architecture().paramCount());
        t.put("onnxFile", "onnx/" + plan.onnxFileName());
        t.put("weightBytes", plan.dataBytes());
        t.put("tokenizer", d.tokenizer() != null ? "given" : "generated byte-level BPE");
        t.put("tool", "unitcost");
        t.put("toolVersion", Versions.current().unitcost());
        return t;
    }

    private void writeWeights(TwinPlan plan, Path file) throws IOException {
        Map<String, Long> offsets = plan.offsets();
        long total = plan.jobs().stream().flatMap(j -> j.tensors().stream()).mapToLong(ExternalTensor::byteLength).sum();
        long[] done = {0};
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            WeightJob.Sink sink = (tensor, offsetInTensor, bytes) -> {
                int n = bytes.remaining();
                if (offsetInTensor < 0 || offsetInTensor + n > tensor.byteLength()) {
                    throw new IllegalStateException(tensor + ": write outside the tensor at " + offsetInTensor);
                }
                long position = offsets.get(tensor.name()) + offsetInTensor;
                while (bytes.hasRemaining()) {
                    position += ch.write(bytes, position);
                }
                done[0] += n;
                progress.weightsWritten(done[0], total);
            };
            for (WeightJob job : plan.jobs()) {
                job.write(sink);
            }
        }
    }

    /** The real free space of the file system holding {@code dir}. */
    public static long fileStoreUsableBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }

    /** Deletes a directory and everything in it (nothing when it does not exist). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
