package dev.unitcost.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Starts {@link HistoryWriterMain} in a child JVM on the test class path. */
final class ChildWriters {

    private ChildWriters() {}

    static Process start(Path dir, String prefix, int count, String... go) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), HistoryWriterMain.class.getName(),
                dir.toString(), prefix, Integer.toString(count)));
        command.addAll(List.of(go));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}

