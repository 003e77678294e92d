package dev.unitcost.cost;

/**
 * Why a run was priced on its profile, as every report states it.
 *
 * @param why in words: matched to the measured devices (and how), named by the user, or given per hour
 * @param measuredOn when the profile is another machine's ({@code --price-as}): the devices the run used; null otherwise
 */
public record ProfileChoice(String why, String measuredOn) {

    public ProfileChoice {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a profile choice says why");
        }
    }

    /** A profile that describes the measured devices. */
    public static ProfileChoice matching(String why) {
        return new ProfileChoice(why, null);
    }

    /** Another machine's profile, asked for by name. */
    public static ProfileChoice pricedAs(HardwareProfile profile, MeasuredDevices measured) {
        return new ProfileChoice("asked for with --price-as: the prices are " + profile.name() + "'s, not this machine's",
                measured.describe());
    }
}
