package id.slrt.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A program as the catalogue describes it. {@code activeFrom}/{@code activeUntil} null mean open-ended. */
public record Program(String code, String name, String purpose, String audience, List<Benefit> benefits,
                      String benefitNote, List<String> documents, String howToApply, String whereToApply,
                      String contact, Scope scope, Sector sector, LocalDate activeFrom, LocalDate activeUntil,
                      boolean published, int version, Instant updatedAt, String updatedBy) {

    public enum Scope {
        NATIONAL, LOCAL;

        public String labelKey() {
            return "program.scope." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** True once the program's active period has ended before {@code day}. */
    public boolean endedBefore(LocalDate day) {
        return activeUntil != null && activeUntil.isBefore(day);
    }

    /** True when the program has not started yet on {@code day}. */
    public boolean startsAfter(LocalDate day) {
        return activeFrom != null && activeFrom.isAfter(day);
    }

    /** True when any amount shown is not checked by the district. */
    public boolean hasUnverifiedAmounts() {
        return benefits.stream().anyMatch(b -> !b.verified());
    }
}
