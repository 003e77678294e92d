package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed writes the same bytes; another seed writes other weights. */
class DeterminismTest {

    @Test
    void sameSeedSameBytes(@TempDir Path dir) throws Exception {
        TwinOptions o = TwinOptions.defaults(Quantization.INT4, 77);
        Path a = TinyTwins.write(TinyTwins.QWEN, o, Files.createDirectory(dir.resolve("a")));
        Path b = TinyTwins.write(TinyTwins.QWEN, o, Files.createDirectory(dir.resolve("b")));
        Path c = TinyTwins.write(TinyTwins.QWEN, TwinOptions.defaults(Quantization.INT4, 78), Files.createDirectory(dir.resolve("c")));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        byte[] dataA = Files.readAllBytes(data(a));
        assertArrayEquals(dataA, Files.readAllBytes(data(b)));
        assertFalse(Arrays.equals(dataA, Files.readAllBytes(data(c))));
    }

    private static Path data(Path onnx) {
        return onnx.resolveSibling(onnx.getFileName() + "_data");
    }
}
