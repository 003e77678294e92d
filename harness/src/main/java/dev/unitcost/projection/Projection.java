package dev.unitcost.projection;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.model.ModelLoad;
import java.util.List;
import java.util.Objects;

/**
 * {@code unitcost project}: a model projected onto hardware profiles it was not measured on. Every
 * figure here is a projection from device peaks (datasheet, given or measured) and the stated efficiencies, never a measurement.
 *
 * @param label what every figure is ("projected: roofline from …")
 * @param model the model's facts
 * @param workload the generation workload whose points are projected
 * @param efficiency the efficiencies assumed, with their source
 * @param usableMemoryShare share of device memory weights and KV cache may fill
 * @param usableMemorySource where that share comes from
 * @param api the API model the break-even is against (provider/model)
 * @param profiles one entry per hardware profile, cheapest blended USD/1M first; profiles where nothing fits last
 * @param checks measured points of this model on the first profile's device beside their projection (calibration check); empty when none was asked for
 */
public record Projection(String label, ModelLoad model, String workload, Efficiency efficiency, double usableMemoryShare,
        String usableMemorySource, String api, List<ProfileProjection> profiles, List<Check> checks) {

    public Projection {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(efficiency, "efficiency");
        profiles = List.copyOf(profiles);
        checks = List.copyOf(checks);
    }

    public Projection(String label, ModelLoad model, String workload, Efficiency efficiency, double usableMemoryShare,
            String usableMemorySource, String api, List<ProfileProjection> profiles) {
        this(label, model, workload, efficiency, usableMemoryShare, usableMemorySource, api, profiles, List.of());
    }

    /** This projection with the measured points it is checked against. */
    public Projection withChecks(List<Check> checks) {
        return new Projection(label, model, workload, efficiency, usableMemoryShare, usableMemorySource, api, profiles, checks);
    }

    /**
     * One measured point of this model on the first profile's device, beside what the projection gives for it.
     *
     * @param run the stored run's id
     * @param decodeError projected / measured decode tokens/s − 1 (positive: the projection is optimistic)
     * @param prefillError projected / measured prefill tokens/s − 1
     */
    public record Check(String run, int batchSize, int inputLength, int outputLength, double projectedDecodeTokensPerSecond,
            double measuredDecodeTokensPerSecond, double decodeError, double projectedPrefillTokensPerSecond,
            double measuredPrefillTokensPerSecond, double prefillError) {

        public static Check of(String run, int batchSize, int inputLength, int outputLength, double projectedDecode,
                double measuredDecode, double projectedPrefill, double measuredPrefill) {
            return new Check(run, batchSize, inputLength, outputLength, projectedDecode, measuredDecode, projectedDecode / measuredDecode - 1,
                    projectedPrefill, measuredPrefill, projectedPrefill / measuredPrefill - 1);
        }
    }

    /**
     * One hardware profile: its device's physics, every workload point, and the prices of those that fit.
     *
     * @param efficiency the efficiencies assumed on this profile's device, with their source
     * @param maxBatch sequences of the workload's longest context that fit; null when the device memory is unknown
     * @param maxContextTokens the longest context one sequence can hold; null when the device memory is unknown
     * @param prices one device of the profile priced on the points that fit (the one pricing path); null when none fits
     * @param apiVerdict the chosen API against the best point; null when nothing fits or the API is not on the rate cards
     */
    public record ProfileProjection(String profile, DevicePhysics physics, Efficiency efficiency, Long maxBatch, Long maxContextTokens,
            List<PointProjection> points, PriceSheet prices, PriceSheet.ApiVerdict apiVerdict) {

        public ProfileProjection {
            points = List.copyOf(points);
        }

        /** The best point's projection (the one priced as best); null when nothing fits. */
        public PointProjection best() {
            if (prices == null) {
                return null;
            }
            PriceSheet.PointPrice b = prices.best();
            return points.stream().filter(p -> p.fits() && p.batchSize() == b.batchSize() && p.inputLength() == b.inputLength()
                    && p.outputLength() == b.outputLength()).findFirst().orElse(null);
        }
    }

    /**
     * One workload point on one device.
     *
     * @param fits whether weights and the KV cache at the full context fit the usable memory (true when memory is unknown)
     * @param memoryBound whether bandwidth (not compute) bounds the decode step
     * @param tpotMillis time per output token of each sequence (one decode step)
     * @param ttftMillis time to first token: the batch's prompts prefilled together, plus one decode step
     */
    public record PointProjection(int batchSize, int inputLength, int outputLength, boolean fits, double decodeTokensPerSecond,
            double prefillTokensPerSecond, boolean memoryBound, double bytesReadPerStep, double tpotMillis, double ttftMillis) {}
}
