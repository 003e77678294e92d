package dev.unitcost.projection;

/**
 * The peak figures of one device a projection runs on, each with where it came from.
 *
 * @param device the device's name (catalogue entry), or a description when given on the command line
 * @param bandwidthBytesPerSecond peak memory bandwidth, bytes/s
 * @param bandwidthSource the catalogue, or the option that gave it
 * @param peakFlopsPerSecond dense FP16/BF16 peak, FLOP/s
 * @param flopsSource the catalogue, or the option that gave it
 * @param memoryBytes device memory; null when unknown (a CPU): the fit is then not checked
 */
public record DevicePhysics(String device, double bandwidthBytesPerSecond, String bandwidthSource, double peakFlopsPerSecond,
        String flopsSource, Double memoryBytes) {

    public DevicePhysics {
        if (!(bandwidthBytesPerSecond > 0) || !(peakFlopsPerSecond > 0) || Double.isInfinite(bandwidthBytesPerSecond)
                || Double.isInfinite(peakFlopsPerSecond)) {
            throw new IllegalArgumentException("bandwidth and peak FLOP/s must be positive and finite");
        }
        if (memoryBytes != null && !(memoryBytes > 0)) {
            throw new IllegalArgumentException("memoryBytes must be positive when known, got " + memoryBytes);
        }
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
        return new DevicePhysics(n + "x " + device + " (tensor parallel)", bandwidthBytesPerSecond * scale, bandwidthSource + note,
                peakFlopsPerSecond * scale, flopsSource + note, memoryBytes == null ? null : memoryBytes * n);
    }
}
