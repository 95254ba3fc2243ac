package id.slrt.registry.generator;

/**
 * How often each known error is injected: share of people with a NIK of 15 or 17 digits, of bank
 * accounts with a letter or a missing digit, of people registered again in a household of another
 * desa, and of names written in the old spelling (Soekarno, Djoko, Tjahjo).
 */
public record ErrorRates(double nikLength, double accountNumber, double duplicatePerson, double oldSpelling) {
    public static final ErrorRates DEFAULTS = new ErrorRates(0.01, 0.005, 0.003, 0.02);
    public static final ErrorRates NONE = new ErrorRates(0, 0, 0, 0);

    public ErrorRates {
        requireShare("nikLength", nikLength);
        requireShare("accountNumber", accountNumber);
        requireShare("duplicatePerson", duplicatePerson);
        requireShare("oldSpelling", oldSpelling);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a share between 0 and 1, not " + value);
        }
    }
}
