package dev.unitcost.engine.djl;

/**
 * DJL defaults for a machine without internet: offline mode, so DJL never waits on its call
 * home (the EC2 metadata address) when a tokenizer or engine is created.
 */
final class DjlSettings {

    private DjlSettings() {}

    static void offline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
