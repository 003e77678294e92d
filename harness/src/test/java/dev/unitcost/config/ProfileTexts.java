package dev.unitcost.config;

/** YAML texts of a profile or rate card with one line chosen by the test, for bad-input tests. */
public final class ProfileTexts {

    private ProfileTexts() {}

    public static String owned(String lifeLine) {
        return """
                type: owned
                name: t
                description: null
                source: test
                asOf: 2026-11-23
                capexUsd: 30000
                %s
                residualUsd: null
                costOfCapital: null
                watts: 700
                idleWatts: null
                pue: 1.56
                usdPerKwh: 0.083
                hostingUsdPerMonth: null
                devices: 1
                gCO2PerKwh: null
                power: null
                peakMemoryBandwidthBytesPerSecond: null
                """.formatted(lifeLine);
    }

    public static String rented(String priceLine) {
        return """
                type: rented
                name: t
                description: null
                source: test
                asOf: 2026-11-23
                %s
                spotUsdPerHour: null
                reservedUsdPerHour: null
                devices: 1
                watts: null
                idleWatts: null
                pue: null
                gCO2PerKwh: null
                power: null
                peakMemoryBandwidthBytesPerSecond: null
                """.formatted(priceLine);
    }

    public static String card(String inputField) {
        return """
                provider: p
                source: test
                asOf: 2026-07-24
                importedOn: null
                models:
                  - {model: m, mode: chat, %s, output: 2.0, cachedInput: null, batchInput: null, batchOutput: null, contextWindow: null, flag: null}
                """.formatted(inputField);
    }
}
