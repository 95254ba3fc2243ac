package id.slrt.portal;

/**
 * What a citizen says about the household on the "which programs fit me?" page. Nothing here is
 * stored: the answers live in the page's URL only. {@code oldestAge} and {@code members} may be null
 * (not answered).
 */
public record FitAnswers(Integer oldestAge, Integer members, boolean pregnantOrToddler, boolean schoolSd,
                         boolean schoolSmp, boolean schoolSma, boolean severeDisability, boolean elderlyNeglected,
                         boolean earthFloor, boolean badRoof, boolean poor, Dtks dtks) {
    /** Age from which a member counts as elderly for PKH (was 70; 60 since 2016, DOMAIN.md §5). */
    public static final int ELDERLY_AGE = 60;

    /** Is the household already in DTKS/DTSEN? */
    public enum Dtks {
        YES, NO, UNKNOWN
    }

    public FitAnswers {
        dtks = dtks == null ? Dtks.UNKNOWN : dtks;
    }

    /** Poor by its own account, or already listed in DTKS/DTSEN (which lists the poor and vulnerable). */
    public boolean needy() {
        return poor || dtks == Dtks.YES;
    }

    public boolean anySchoolChild() {
        return schoolSd || schoolSmp || schoolSma;
    }

    public boolean hasElderly() {
        return oldestAge != null && oldestAge >= ELDERLY_AGE;
    }

    /** An elderly person who is neglected, or who lives alone (a one-person household aged 60+). */
    public boolean elderlyAloneOrNeglected() {
        return hasElderly() && (elderlyNeglected || (members != null && members == 1));
    }

    public boolean uninhabitableHouse() {
        return earthFloor || badRoof;
    }
}
