package dev.unitcost.result;

/**
 * Where and with what a run was made, so two reports can be told apart.
 *
 * @param cpuModel processor name as the OS reports it
 * @param physicalCores physical cores
 * @param logicalCores hardware threads
 * @param memoryBytes installed memory
 * @param os operating system and version
 * @param jvm JVM vendor, name and version
 * @param unitcostVersion our version
 * @param onnxRuntimeVersion ONNX Runtime native library actually loaded
 * @param djlVersion DJL version on the class path
 * @param modelSha256 SHA-256 of the ONNX file measured
 * @param modelKind {@code real} or {@code twin}
 * @param gitCommit commit of the unitcost checkout, when known
 * @param hostname machine name
 * @param gpuNames the host's GPUs by name, in device order (empty when it has none); what a GPU run used is
 *     {@code gpuNames[N]} for its device {@code cuda:N}
 */
public record Provenance(
        String cpuModel,
        int physicalCores,
        int logicalCores,
        long memoryBytes,
        String os,
        String jvm,
        String unitcostVersion,
        String onnxRuntimeVersion,
        String djlVersion,
        String modelSha256,
        String modelKind,
        String gitCommit,
        String hostname,
        java.util.List<String> gpuNames) {

    public Provenance {
        gpuNames = gpuNames == null ? java.util.List.of() : java.util.List.copyOf(gpuNames);
    }
}
