package dev.unitcost.engine;

import dev.unitcost.InputException;
import dev.unitcost.engine.djl.DjlEngine;
import dev.unitcost.engine.ort.OrtEngine;
import java.util.List;

/** The engines this build knows, listed plainly. */
public final class Engines {

    static {
        // DJL creates ONNX Runtime's environment itself (with global thread pools) and fails if
        // one exists already; letting it go first keeps both engines usable in one process.
        DjlEngine.initialiseBeforeOrt();
    }

    private Engines() {}

    public static List<Engine> all() {
        return List.of(new OrtEngine(), new DjlEngine());
    }

    /** The engine called {@code name}, available here, or an {@link InputException} saying why not. */
    public static Engine byName(String name) {
        for (Engine e : all()) {
            if (e.name().equals(name)) {
                if (!e.isAvailable()) {
                    throw InputException.setting("engine", name + " is not available here: " + e.unavailableReason());
                }
                return e;
            }
        }
        throw InputException.setting("engine", "unknown engine '" + name + "'; known: "
                + all().stream().map(Engine::name).toList());
    }
}
