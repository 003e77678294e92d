package dev.unitcost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which profile describes the devices a run used: a fake host of 16 threads with one H200, and this kind of 2-vCPU VM. */
class ProfileMatchTest {

    static HardwareProfile rented(String name, int devices, HardwareProfile.Machine machine) {
        return new HardwareProfile.Rented(name, null, "test", LocalDate.of(2026, 11, 30), BigDecimal.ONE, null, null, devices, null, null,
                null, null, null, null, machine);
    }

    static final HardwareProfile TWO_VCPU_XEON = rented("aws-m6i-large", 1, new HardwareProfile.Machine("Intel Xeon", 2, null));
    static final HardwareProfile SIXTEEN_EPYC = rented("epyc-16", 1, new HardwareProfile.Machine("AMD EPYC", 16, null));
    static final HardwareProfile SIXTEEN_XEON = rented("xeon-16", 1, new HardwareProfile.Machine("Intel Xeon", 16, null));
    static final HardwareProfile H100_PCIE = rented("h100-pcie", 1, new HardwareProfile.Machine(null, null, "H100 PCIe"));
    static final HardwareProfile H100 = rented("h100-sxm", 1, new HardwareProfile.Machine(null, null, "H100"));
    static final HardwareProfile EIGHT_H200 = rented("aws-p5en", 8, new HardwareProfile.Machine(null, null, "H200"));
    static final HardwareProfile NO_MACHINE = rented("no-machine", 1, null);
    static final List<HardwareProfile> ALL = List.of(NO_MACHINE, EIGHT_H200, H100, H100_PCIE, SIXTEEN_EPYC, SIXTEEN_XEON, TWO_VCPU_XEON);

    static final String XEON_HOST = "Intel(R) Xeon(R) Platinum 8480+";

    @Test
    void aGpuRunOnTheH200HostPicksAnH200Profile() {
        var m = ProfileMatch.best(new MeasuredDevices(XEON_HOST, 16, "NVIDIA H200"), ALL).orElseThrow();
        assertEquals("aws-p5en", m.profile().name());
        assertEquals("it prices H200 GPUs, and the run used NVIDIA H200", m.why());
    }

    @Test
    void aCpuRunOnTheH200HostIsNotPricedAsTheGpuMachine() {
        var m = ProfileMatch.best(new MeasuredDevices(XEON_HOST, 16, null), ALL).orElseThrow();
        assertEquals("xeon-16", m.profile().name(), "16 threads, and the same family beats another family");
        assertTrue(m.why().contains("16 CPU threads") && m.why().contains("same family"), m.why());
        assertTrue(ProfileMatch.best(new MeasuredDevices(XEON_HOST, 16, null), List.of(EIGHT_H200, TWO_VCPU_XEON)).isEmpty(),
                "no CPU profile of 16 threads: none, rather than the GPU machine or the 2-vCPU one");
    }

    @Test
    void aNamedProfileOfOtherDevicesIsAMismatchNamingBoth() {
        MeasuredDevices sixteen = new MeasuredDevices(XEON_HOST, 16, null);
        assertEquals("aws-m6i-large prices 2 CPU threads; the run used 16 CPU threads of " + XEON_HOST,
                ProfileMatch.mismatch(TWO_VCPU_XEON, sixteen).orElseThrow());
        assertEquals("aws-p5en prices a machine with 8x H200 GPUs; the run used 16 CPU threads of " + XEON_HOST,
                ProfileMatch.mismatch(EIGHT_H200, sixteen).orElseThrow());
        assertTrue(ProfileMatch.mismatch(NO_MACHINE, sixteen).orElseThrow().contains("does not say which devices it prices"));
        assertEquals("xeon-16 is a machine without GPUs; the run used 1x NVIDIA H200",
                ProfileMatch.mismatch(SIXTEEN_XEON, new MeasuredDevices(XEON_HOST, 16, "NVIDIA H200")).orElseThrow());
    }

    @Test
    void gpuWordsTellPcieFromSxm() {
        assertEquals("h100-pcie", ProfileMatch.best(new MeasuredDevices(XEON_HOST, 16, "NVIDIA H100 PCIe"), ALL).orElseThrow()
                .profile().name(), "both H100 profiles fit; the one naming more of the GPU's words wins");
        assertEquals("h100-sxm", ProfileMatch.best(new MeasuredDevices(XEON_HOST, 16, "NVIDIA H100 80GB HBM3"), ALL).orElseThrow()
                .profile().name());
    }

    @Test
    void aTwoVcpuVmOfAnotherFamilyIsPricedByThreadsAndSaysSo() {
        var m = ProfileMatch.best(new MeasuredDevices("AMD EPYC", 2, null), ALL).orElseThrow();
        assertEquals("aws-m6i-large", m.profile().name());
        assertEquals("it prices 2 CPU threads, as many as the run used; the CPU family differs (profile: Intel Xeon, measured: AMD EPYC)",
                m.why());
    }
}
