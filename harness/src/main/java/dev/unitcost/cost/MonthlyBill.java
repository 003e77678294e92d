package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;

/** A workload's monthly bill on an API and on self-hosted devices. Pure functions, unrounded. */
public final class MonthlyBill {

    private static final MathContext MC = MathContext.DECIMAL64;

    private MonthlyBill() {}

    /**
     * The API side.
     *
     * @param inputUsd the month's prompt tokens at the input price
     * @param outputUsd the month's generated tokens at the output price (zero when none are generated)
     */
    public record Api(BigDecimal inputUsd, BigDecimal outputUsd) {
        public BigDecimal totalUsd() {
            return inputUsd.add(outputUsd, MC);
        }
    }

    /**
     * The self-hosted side.
     *
     * @param devices devices needed at the duty-cycle ceiling (rounded up)
     * @param busyHoursPerMonth device-hours of actual work the month needs
     * @param usdPerDeviceHour cost of one device for one paid hour
     * @param totalUsd {@code devices × usdPerDeviceHour × 720}
     */
    public record SelfHosted(long devices, double busyHoursPerMonth, BigDecimal usdPerDeviceHour, BigDecimal totalUsd) {
        /** Average duty cycle of the devices bought. */
        public double averageUtilisation() {
            return busyHoursPerMonth / (devices * 720.0);
        }
    }

    /** The workload's month at an API's prices (USD per 1M tokens; output may be null when nothing is generated). */
    public static Api api(Workload w, BigDecimal usdPerMillionInput, BigDecimal usdPerMillionOutput) {
        BigDecimal in = CostModel.usdFor(w.inputTokensPerMonth(), usdPerMillionInput);
        if (w.outputTokensPerMonth() > 0 && usdPerMillionOutput == null) {
            throw new IllegalArgumentException("the workload generates tokens but the API has no output price");
        }
        BigDecimal out = w.outputTokensPerMonth() == 0 ? BigDecimal.ZERO
                : CostModel.usdFor(w.outputTokensPerMonth(), usdPerMillionOutput);
        return new Api(in, out);
    }

    /**
     * The workload's month on devices with the measured throughput, none busier than
     * {@code utilisation}; each device paid for all 720 hours.
     */
    public static SelfHosted selfHosted(Workload w, MeasuredThroughput t, BigDecimal usdPerDeviceHour, double utilisation) {
        long devices = ApiComparison.devicesNeeded(t, w.inputTokensPerMonth(), w.outputTokensPerMonth(), utilisation);
        double busyHours = t.busySeconds(w.inputTokensPerMonth(), w.outputTokensPerMonth()) / 3600.0;
        BigDecimal total = usdPerDeviceHour.multiply(ApiComparison.HOURS_PER_MONTH, MC)
                .multiply(BigDecimal.valueOf(devices), MC);
        return new SelfHosted(devices, busyHours, usdPerDeviceHour, total);
    }
}
