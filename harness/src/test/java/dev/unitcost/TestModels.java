package dev.unitcost;

import dev.unitcost.config.ProjectLayout;
import dev.unitcost.model.ModelCache;
import dev.unitcost.config.ModelResolver;
import dev.unitcost.model.ModelSpec;
import java.nio.file.Path;

/** The real int8 MiniLM from Maven Central, extracted once per build into target/. */
public final class TestModels {

    /** The repository root (tests run in harness/). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path CACHE = Path.of("target", "model-cache").toAbsolutePath();

    private TestModels() {}

    public static ProjectLayout layout() {
        return new ProjectLayout(ROOT, CACHE);
    }

    public static ModelSpec miniLm() {
        return new ModelResolver(ROOT.resolve("models"), new ModelCache(CACHE)).resolve("all-minilm-l6-v2-q");
    }
}
