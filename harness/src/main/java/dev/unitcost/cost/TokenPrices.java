package dev.unitcost.cost;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * USD (and gCO2) per 1M tokens of self-hosted inference at one duty cycle. Unrounded; round with
 * {@link Money#perMillion} when shown.
 *
 * @param usdPerMillionInput prompt tokens, priced by prefill time
 * @param usdPerMillionOutput generated tokens, priced by decode time; empty for input-only runs
 * @param usdPerMillionBlended the mix at {@code inputPerOutput} input tokens per output token
 * @param usdPerMillionBlended3to1 the mix at the 3:1 convention
 * @param inputPerOutput the workload's ratio the blend uses
 * @param utilisation the duty cycle, in (0, 1]
 * @param gCO2PerMillionInput emissions per 1M prompt tokens, when the profile says enough
 * @param gCO2PerMillionOutput emissions per 1M generated tokens, when known
 */
public record TokenPrices(
        BigDecimal usdPerMillionInput, Optional<BigDecimal> usdPerMillionOutput,
        BigDecimal usdPerMillionBlended, BigDecimal usdPerMillionBlended3to1,
        double inputPerOutput, double utilisation,
        OptionalDouble gCO2PerMillionInput, OptionalDouble gCO2PerMillionOutput) {

    public TokenPrices {
        HardwareProfile.Checks.required(usdPerMillionInput, "usdPerMillionInput");
        HardwareProfile.Checks.required(usdPerMillionOutput, "usdPerMillionOutput");
        HardwareProfile.Checks.required(usdPerMillionBlended, "usdPerMillionBlended");
        HardwareProfile.Checks.required(usdPerMillionBlended3to1, "usdPerMillionBlended3to1");
        CostModel.checkUtilisation(utilisation);
        gCO2PerMillionInput = gCO2PerMillionInput == null ? OptionalDouble.empty() : gCO2PerMillionInput;
        gCO2PerMillionOutput = gCO2PerMillionOutput == null ? OptionalDouble.empty() : gCO2PerMillionOutput;
    }
}
