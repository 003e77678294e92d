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
        String hostname) {}
