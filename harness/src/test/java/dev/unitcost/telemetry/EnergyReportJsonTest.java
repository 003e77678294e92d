package dev.unitcost.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitcost.result.ReportJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports written before scopes existed still read back, with the meaning they had: every device the run's. */
class EnergyReportJsonTest {

    @Test
    void aFirstSchemaReportReadsBackWithEveryDeviceTheRuns() throws Exception {
        String old = """
                {"devices":[{"device":"rapl/package-0","method":"MEASURED","basis":"difference of the energy counter",
                  "joulesByPhase":{"measure":50.0},"totalJoules":50.0,"meanWatts":25.0,"peakWatts":30.0}],
                 "phases":[{"phase":"measure","durationNanos":2000000000,"joules":50.0,"method":"MEASURED","countsTowardTotal":true}],
                 "totalJoules":50.0,"method":"MEASURED","joulesPerInputToken":null,"joulesPerOutputToken":null,
                 "joulesPerToken":0.5,"samplerCpuFraction":{"rapl":0.001},"notes":[]}
                """;
        EnergyReport r = ReportJson.mapper().readValue(old, EnergyReport.class);
        DeviceEnergy cpu = r.devices().get(0);
        assertEquals("cpu", cpu.part());
        assertEquals(EnergyScope.RUN, cpu.scope());
        assertEquals(List.of("cpu"), r.runDevices());
        assertEquals(50.0, r.totalJoules().getAsDouble());
    }

    @Test
    void aScopedReportRoundTrips() throws Exception {
        EnergyReport r = EnergyAccount.account(List.of(Traces.of("nvml")
                        .at(0, "gpu0.energyJoules", 0, "gpu0.utilizationFraction", 0.0)
                        .at(1, "gpu0.energyJoules", 80, "gpu0.utilizationFraction", 0.0).trace()),
                List.of(Traces.phase("measure", 0, 1)), null, null, java.util.Set.of("cpu"));
        EnergyReport back = ReportJson.mapper().readValue(ReportJson.write(r), EnergyReport.class);
        assertEquals(r.devices(), back.devices());
        assertEquals(r.runDevices(), back.runDevices());
        assertEquals(r.hostTotalJoules(), back.hostTotalJoules());
        assertEquals(r.summary(), back.summary());
    }
}
