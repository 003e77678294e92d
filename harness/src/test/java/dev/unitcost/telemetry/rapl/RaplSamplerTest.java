package dev.unitcost.telemetry.rapl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.telemetry.Availability;
import dev.unitcost.telemetry.DeviceEnergy;
import dev.unitcost.telemetry.EnergyAccount;
import dev.unitcost.telemetry.EnergyMethod;
import dev.unitcost.telemetry.EnergyReport;
import dev.unitcost.telemetry.PhaseWindow;
import dev.unitcost.telemetry.Sample;
import dev.unitcost.telemetry.SamplingSession;
import dev.unitcost.telemetry.TelemetryTrace;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAPL against a fake powercap tree laid out like a two-socket Intel server's. */
class RaplSamplerTest {

    private static final long RANGE = 262_143_328_850L; // a real max_energy_range_uj

    @TempDir
    Path root;

    private void zone(String id, String name, long energyMicrojoules) throws IOException {
        Path dir = Files.createDirectories(root.resolve(id));
        Files.writeString(dir.resolve("name"), name + "\n");
        Files.writeString(dir.resolve("energy_uj"), energyMicrojoules + "\n");
        Files.writeString(dir.resolve("max_energy_range_uj"), RANGE + "\n");
    }

    /** A new counter value, replaced atomically as sysfs does: a sampler reading meanwhile never sees a half-written file. */
    private void energy(String id, long microjoules) throws IOException {
        Path target = root.resolve(id).resolve("energy_uj");
        Path tmp = Files.writeString(root.resolve(id).resolve("energy_uj.tmp"), microjoules + "\n");
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void serverTree() throws IOException {
        Files.createDirectories(root.resolve("intel-rapl")); // the control type: no zone
        zone("intel-rapl:0", "package-0", 1_000_000);
        zone("intel-rapl:0:0", "core", 500_000);
        zone("intel-rapl:0:1", "uncore", 100_000);
        zone("intel-rapl:0:2", "dram", 2_000_000);
        zone("intel-rapl:1", "package-1", 3_000_000);
        zone("intel-rapl:1:0", "dram", 4_000_000);
        zone("intel-rapl:2", "psys", 9_000_000);
        zone("intel-rapl-mmio:0", "package-0", 1_000_000);
    }

    @Test
    void countsPackagesAndDramOnlyNamedFromTheNameFile() throws IOException {
        serverTree();
        RaplSampler rapl = new RaplSampler(root);
        assertEquals(List.of("package-0", "package-0.dram", "package-1", "package-1.dram"),
                rapl.zones().stream().map(RaplZone::series).toList());
        assertEquals(Availability.yes(), rapl.availability());
        assertEquals(RANGE, rapl.zones().get(0).maxEnergyRangeMicrojoules().getAsLong());
    }

    @Test
    void undoesWraparoundByAddingTheRange() throws IOException {
        zone("intel-rapl:0", "package-0", RANGE - 3_000_000);
        RaplReader reader = new RaplReader(new RaplSampler(root).zones(), SysfsReader.FILES);
        assertEquals(0.0, reader.get().get("package-0.energyJoules"), 1e-12);
        energy("intel-rapl:0", RANGE - 1_000_000);
        assertEquals(2.0, reader.get().get("package-0.energyJoules"), 1e-12);
        energy("intel-rapl:0", 4_000_000); // wrapped: 1 J to the top, then 4 J
        assertEquals(7.0, reader.get().get("package-0.energyJoules"), 1e-12);
        energy("intel-rapl:0", 4_500_000);
        assertEquals(7.5, reader.get().get("package-0.energyJoules"), 1e-12);
    }

    @Test
    void aCounterThatWrapsDuringARunIsMeasuredCorrectly() throws Exception {
        zone("intel-rapl:0", "package-0", RANGE - 30_000_000);
        RaplSampler rapl = new RaplSampler(root);
        TelemetryTrace trace;
        try (SamplingSession s = rapl.start(Duration.ofMillis(10))) {
            s.mark("measure");
            Thread.sleep(60);
            energy("intel-rapl:0", RANGE - 10_000_000);
            Thread.sleep(60);
            energy("intel-rapl:0", 15_000_000); // wrapped during the run
            Thread.sleep(60);
            trace = s.stop();
        }
        double last = -1;
        for (Sample sample : trace.samples()) {
            double v = sample.values().get("package-0.energyJoules");
            assertTrue(v >= last, "counter must never go down after unwrapping: " + v + " after " + last);
            last = v;
        }
        assertEquals(45.0, last, 1e-9); // 30 J to the top + 15 J after it
        EnergyReport r = EnergyAccount.account(List.of(trace),
                PhaseWindow.fromMarks(trace.marks(), trace.endNanos()), null, null);
        DeviceEnergy pkg = r.devices().get(0);
        assertEquals("rapl/package-0", pkg.device());
        assertEquals(EnergyMethod.MEASURED, pkg.method());
        assertEquals(45.0, pkg.totalJoules(), 1e-6);
    }

    @Test
    void withoutARangeADropStaysADropAndTheAccountRefusesIt() throws IOException {
        zone("intel-rapl:0", "package-0", 9_000_000);
        Files.delete(root.resolve("intel-rapl:0").resolve("max_energy_range_uj"));
        RaplReader reader = new RaplReader(new RaplSampler(root).zones(), SysfsReader.FILES);
        reader.get();
        energy("intel-rapl:0", 1_000_000);
        assertEquals(-8.0, reader.get().get("package-0.energyJoules"), 1e-12);
    }

    @Test
    void missingTreeSaysWhereItLooked() {
        Availability a = new RaplSampler(root.resolve("nope")).availability();
        assertFalse(a.available());
        assertEquals("powercap not present at " + root.resolve("nope"), a.reason());
        assertThrows(IllegalStateException.class, () -> new RaplSampler(root.resolve("nope")).start(Duration.ofMillis(100)));
    }

    @Test
    void treeWithoutPackagesSaysSo() throws IOException {
        zone("intel-rapl:0", "psys", 1);
        Availability a = new RaplSampler(root).availability();
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("no RAPL package zones"), a.reason());
    }

    /** Tests run as root, which reads mode-000 files: the permission error comes through the reader seam. */
    @Test
    void rootOnlyEnergyFileIsReportedAsSuch() throws IOException {
        serverTree();
        SysfsReader denyEnergy = file -> {
            if (file.getFileName().toString().equals("energy_uj")) {
                throw new AccessDeniedException(file.toString());
            }
            return SysfsReader.FILES.read(file);
        };
        Availability a = new RaplSampler(root, denyEnergy).availability();
        assertFalse(a.available());
        assertTrue(a.reason().contains("readable only by root"), a.reason());
        assertTrue(a.reason().contains(root.resolve("intel-rapl:0").resolve("energy_uj").toString()), a.reason());
    }

    /** A real unreadable file, even for root: a directory where energy_uj should be. */
    @Test
    void energyFileThatCannotBeReadIsReportedWithItsPath() throws IOException {
        zone("intel-rapl:0", "package-0", 1);
        Path energy = root.resolve("intel-rapl:0").resolve("energy_uj");
        Files.delete(energy);
        Files.createDirectory(energy);
        Availability a = new RaplSampler(root).availability();
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("cannot read " + energy), a.reason());
    }

    @Test
    void aZoneThatFailsMidRunIsAbsentFromThatSampleNotZero() throws IOException {
        serverTree();
        AtomicBoolean deny = new AtomicBoolean(false);
        SysfsReader flaky = file -> {
            if (deny.get() && file.getParent().getFileName().toString().startsWith("intel-rapl:1")) {
                throw new AccessDeniedException(file.toString());
            }
            return SysfsReader.FILES.read(file);
        };
        RaplReader reader = new RaplReader(new RaplSampler(root, flaky).zones(), flaky);
        assertEquals(4, reader.get().size());
        deny.set(true);
        Map<String, Double> v = reader.get();
        assertEquals(List.of("package-0.energyJoules", "package-0.dram.energyJoules"), List.copyOf(v.keySet()));
        assertNotNull(reader.lastError());
        assertTrue(reader.lastError().contains("readable only by root"), reader.lastError());
    }
}
