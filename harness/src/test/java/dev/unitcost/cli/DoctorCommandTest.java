package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code unitcost doctor} run in-process against this machine, a fake powercap tree and temp profiles. */
class DoctorCommandTest {

    @TempDir
    Path dir;

    private Path powercap;
    private Path hardware;
    private final int threads = Runtime.getRuntime().availableProcessors();

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new DoctorCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        // The same mapping as the root command's handler: bad input is exit 2, one line.
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println("unitcost: " + e.getMessage());
            return e instanceof InputException ? ExitCodes.BAD_INPUT : ExitCodes.ERROR;
        });
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void tree() throws IOException {
        powercap = dir.resolve("powercap");
        Path pkg = Files.createDirectories(powercap.resolve("intel-rapl:0"));
        Files.writeString(pkg.resolve("name"), "package-0\n");
        Files.writeString(pkg.resolve("energy_uj"), "123456\n");
        Files.writeString(pkg.resolve("max_energy_range_uj"), "262143328850\n");
        hardware = Files.createDirectories(dir.resolve("hardware"));
        Files.writeString(hardware.resolve("a-gpu-box.yaml"), """
                type: rented
                name: a-gpu-box
                description: "8x NVIDIA H100 SXM 80GB"
                source: "test"
                asOf: 2026-11-23
                usdPerHour: 98.32
                devices: 8
                watts: 5600
                peakMemoryBandwidthBytesPerSecond: null
                machine:
                  gpu: H100
                """);
        Files.writeString(hardware.resolve("b-small-cpu.yaml"), """
                type: rented
                name: b-small-cpu
                description: "%d vCPU, 8 GiB"
                source: "test"
                asOf: 2026-11-23
                usdPerHour: 0.096
                devices: 1
                watts: null
                peakMemoryBandwidthBytesPerSecond: null
                machine:
                  cpuThreads: %d
                """.formatted(threads, threads));
        Files.writeString(hardware.resolve("c-broken.yaml"), "type: rented\nname: [unclosed\n");
    }

    @Test
    void tableShowsMachineSamplersProvidersAndProfile() {
        Run r = run("--powercap-root", powercap.toString(), "--hardware-dir", hardware.toString());
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains(threads + " threads"), out);
        assertTrue(out.matches("(?s).*\\n  oshi +available\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  rapl +available\\n.*"), out);
        assertTrue(out.contains("package-0"), out);
        assertTrue(out.matches("(?s).*\\n  nvml +(available|unavailable: .+)\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  CPU +usable: .*"), out);
        assertTrue(out.matches("(?s).*\\n  CUDA +(usable|not usable): .*"), out);
        assertTrue(out.contains("best match       b-small-cpu"), out);
        assertTrue(out.contains("unreadable") && out.contains("c-broken.yaml"), out);
    }

    @Test
    void jsonCarriesTheSameFacts() throws IOException {
        Run r = run("--format", "json", "--powercap-root", powercap.toString(), "--hardware-dir", hardware.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(threads, j.path("host").path("logicalProcessors").asInt());
        assertEquals("rapl", j.path("samplers").get(1).path("name").asText());
        assertTrue(j.path("samplers").get(1).path("available").asBoolean());
        assertEquals("package-0", j.path("raplZones").get(0).asText());
        assertTrue(j.path("energyMethod").asText().startsWith("measured"));
        assertEquals(4.0 * threads, j.path("powerModel").path("cpuMaxWatts").asDouble(), 1e-9);
        assertEquals("b-small-cpu", j.path("profiles").path("match").asText());
        assertEquals(2, j.path("profiles").path("found").size());
        assertTrue(j.path("crossCheck").isNull());
    }

    @Test
    void withoutAPowerCounterEnergyIsEstimatedAndSaysWhy() {
        Path missing = dir.resolve("no-powercap");
        Path empty = dir.resolve("empty");
        Run r = run("--powercap-root", missing.toString(), "--hardware-dir", empty.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("unavailable: powercap not present at " + missing), r.out());
        if (!Files.exists(Path.of("/proc/driver/nvidia"))) {
            assertTrue(r.out().contains("method           estimated"), r.out());
        }
        assertTrue(r.out().contains("best match       none: no directory " + empty), r.out());
    }

    @Test
    void badOptionValuesAreBadInput() {
        Run r = run("--cross-check=0");
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertEquals("unitcost: --cross-check: expected 1 to 600 seconds, got 0", r.err().strip());
        assertFalse(r.out().contains("Machine"));
        assertEquals(ExitCodes.BAD_INPUT, run("--format", "xml").exit());
    }
}
