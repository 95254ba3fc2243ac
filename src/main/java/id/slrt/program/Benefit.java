package id.slrt.program;

import java.time.LocalDate;

/**
 * One benefit of a program: what it is, the amount in rupiah (null when it is not cash or not known),
 * per year, month or once, the date from which the amount holds, and whether the district checked it.
 */
public record Benefit(String label, Long amountRp, Per per, LocalDate validFrom, boolean verified) {

    public enum Per {
        YEAR, MONTH, ONCE;

        public String labelKey() {
            return "program.per." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
