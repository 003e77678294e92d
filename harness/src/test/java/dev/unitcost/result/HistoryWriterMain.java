package dev.unitcost.result;

import java.nio.file.Path;

/**
 * A child process for the history's crash and concurrency tests: saves {@code COUNT} runs named
 * {@code PREFIX-N} into {@code DIR} through the real store, and after each save prints
 * {@code committed PREFIX-N} (so the parent knows which runs were committed before it killed us).
 *
 * <p>Arguments: {@code DIR PREFIX COUNT [GO]}: with {@code GO}, prints {@code ready} and waits for
 * the file {@code GO} to exist before the first save, so that several writers start together.
 */
public final class HistoryWriterMain {

    private HistoryWriterMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        JsonResultStore store = new JsonResultStore(dir);
        if (args.length > 3) {
            System.out.println("ready");
            System.out.flush();
            while (!java.nio.file.Files.exists(Path.of(args[3]))) {
                Thread.sleep(5);
            }
        }
        for (int i = 0; i < count; i++) {
            String runId = runId(prefix, i);
            store.save(report(runId, i));
            System.out.println("committed " + runId);
            System.out.flush();
        }
    }

    static String runId(String prefix, int i) {
        return String.format(java.util.Locale.ROOT, "%s-%05d", prefix, i);
    }

    /** The report saved as run {@code i}: its figures follow from {@code i}, so the parent can check each line whole. */
    static RunReport report(String runId, int i) {
        return HistoryReports.run(runId, i, 1000 + i);
    }
}
