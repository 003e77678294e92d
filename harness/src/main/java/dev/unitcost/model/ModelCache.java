package dev.unitcost.model;

import dev.unitcost.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Extracts model files shipped inside jars on the class path into a cache directory.
 *
 * <p>A file is written to a temporary name, hashed while written, and renamed into place only
 * when its SHA-256 matches; a cached file is re-hashed on every use, so a truncated or tampered
 * cache entry is replaced rather than measured.
 */
public final class ModelCache {

    private final Path dir;

    public ModelCache(Path dir) {
        this.dir = dir;
    }

    /** The cached copy of class-path resource {@code name}, extracted if needed. */
    public Path extract(String resource, String expectedSha256, String artifact) {
        Path target = dir.resolve(expectedSha256.substring(0, 16)).resolve(resource);
        if (Files.isRegularFile(target) && expectedSha256.equals(Sha256.of(target))) {
            return target;
        }
        try (InputStream in = ModelCache.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InputException("model file '" + resource + "' is not on the class path: is " + artifact
                        + " a dependency of this build?");
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), resource, ".part");
            try {
                String actual;
                try (var digestIn = new java.security.DigestInputStream(in, Sha256.newDigest())) {
                    Files.copy(digestIn, tmp, StandardCopyOption.REPLACE_EXISTING);
                    actual = java.util.HexFormat.of().formatHex(digestIn.getMessageDigest().digest());
                }
                if (!expectedSha256.equals(actual)) {
                    throw new InputException("model file '" + resource + "' from " + artifact + " has sha256 " + actual
                            + ", manifest expects " + expectedSha256);
                }
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource + " into " + dir, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
