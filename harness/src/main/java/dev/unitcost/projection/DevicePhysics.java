package dev.unitcost.projection;

/**
 * The peak figures of one device a projection runs on, each with where it came from.
 *
 * @param device the device's name (catalogue entry), or a description when given on the command line
 * @param kind {@code gpu} or {@code cpu}: a GPU overlaps a decode step's memory traffic with its arithmetic
 *     (the step takes the longer of the two, the roofline); a CPU's cores do both in turn, so they add (fitted on
 *     this project's CPU measurements: see docs/ARCHITECTURE.md, "Projection")
 * @param bandwidthBytesPerSecond peak memory bandwidth, bytes/s
 * @param bandwidthSource the catalogue, or the option that gave it
 * @param peakFlopsPerSecond dense FP16/BF16 peak, FLOP/s
 * @param flopsSource the catalogue, or the option that gave it
 * @param memoryBytes device memory; null when unknown (a CPU): the fit is then not checked
 */
public record DevicePhysics(String device, String kind, double bandwidthBytesPerSecond, String bandwidthSource,
        double peakFlopsPerSecond, String flopsSource, Double memoryBytes) {

    /** A GPU. */
    public DevicePhysics(String device, double bandwidthBytesPerSecond, String bandwidthSource, double peakFlopsPerSecond,
            String flopsSource, Double memoryBytes) {
        this(device, "gpu", bandwidthBytesPerSecond, bandwidthSource, peakFlopsPerSecond, flopsSource, memoryBytes);
    }

    public DevicePhysics {
        if (!"gpu".equals(kind) && !"cpu".equals(kind)) {
            throw new IllegalArgumentException("kind must be gpu or cpu, got " + kind);
        }
        if (!(bandwidthBytesPerSecond > 0) || !(peakFlopsPerSecond > 0) || Double.isInfinite(bandwidthBytesPerSecond)
                || Double.isInfinite(peakFlopsPerSecond)) {
            throw new IllegalArgumentException("bandwidth and peak FLOP/s must be positive and finite");
        }
        if (memoryBytes != null && !(memoryBytes > 0)) {
            throw new IllegalArgumentException("memoryBytes must be positive when known, got " + memoryBytes);
        }
    }

    /** Whether a decode step's memory and compute times add (a CPU) rather than overlap (a GPU). */
    public boolean serial() {
        return "cpu".equals(kind);
    }

    /**
     * {@code n} of these devices serving one model with tensor parallelism, as one device: bandwidth
     * and FLOP/s scaled by {@code n × efficiency} (the share the all-reduces and smaller GEMMs leave),
     * memory by {@code n}.
     */
    public DevicePhysics tensorParallel(int n, double efficiency) {
        if (n < 1 || !(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("tensor parallel needs n >= 1 and efficiency in (0, 1], got " + n + " and " + efficiency);
        }
        if (n == 1) {
            return this;
        }
        double scale = n * efficiency;
        String note = " x " + n + " devices x " + efficiency + " tensor-parallel efficiency";
        return new DevicePhysics(n + "x " + device + " (tensor parallel)", kind, bandwidthBytesPerSecond * scale, bandwidthSource + note,
                peakFlopsPerSecond * scale, flopsSource + note, memoryBytes == null ? null : memoryBytes * n);
    }
}
