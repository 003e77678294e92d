package dev.unitcost;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions fixed at build time (from the POM), for provenance and {@code --version}. */
public record Versions(String unitcost, String onnxRuntime, String djl, String oshi) {

    public static Versions current() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/dev/unitcost/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown": versions are informative, never worth failing a run
        }
        return new Versions(
                p.getProperty("version", "unknown"),
                p.getProperty("onnxruntime.version", "unknown"),
                p.getProperty("djl.version", "unknown"),
                p.getProperty("oshi.version", "unknown"));
    }
}
