package dev.unitcost.cli;

import dev.unitcost.Versions;
import picocli.CommandLine;

/** {@code unitcost --version}: our version and those of the runtimes we load. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Versions v = Versions.current();
        return new String[] {
            "unitcost " + v.unitcost(),
            "ONNX Runtime (Java) " + v.onnxRuntime() + ", DJL " + v.djl() + ", OSHI " + v.oshi(),
            "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        };
    }
}
