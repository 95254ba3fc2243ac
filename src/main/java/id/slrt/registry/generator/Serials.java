package id.slrt.registry.generator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The 4-digit serials of NIK and No. KK: one counter per kecamatan and date, so every number issued is
 * unique and none ends in 0000. Memory is bounded by kecamatan × days, not by the number of people.
 */
final class Serials {
    private final LocalDate first;
    private final int days;
    private final Map<String, short[]> counters = new HashMap<>();

    /** Counts dates from {@code first} to {@code last}, both included. */
    Serials(LocalDate first, LocalDate last) {
        this.first = first;
        this.days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    }

    int next(String kecamatan, LocalDate date) {
        int day = (int) (date.toEpochDay() - first.toEpochDay());
        if (day < 0 || day >= days) {
            throw new IllegalArgumentException(date + " is outside " + first + " + " + days + " days");
        }
        short[] counter = counters.computeIfAbsent(kecamatan, k -> new short[days]);
        if (counter[day] == 9999) {
            throw new IllegalStateException("more than 9999 numbers for kecamatan " + kecamatan + " on " + date);
        }
        return ++counter[day];
    }

    /** {@code PPKKCC DDMMYY SSSS}; women's NIK day is + 40 (DOMAIN.md §1). */
    String number(String kecamatan, LocalDate date, boolean plusForty) {
        int serial = next(kecamatan, date);
        StringBuilder sb = new StringBuilder(16).append(kecamatan);
        twoDigits(sb, date.getDayOfMonth() + (plusForty ? 40 : 0));
        twoDigits(sb, date.getMonthValue());
        twoDigits(sb, date.getYear() % 100);
        if (serial < 1000) {
            sb.append(serial < 10 ? "000" : serial < 100 ? "00" : "0");
        }
        return sb.append(serial).toString();
    }

    private static void twoDigits(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        sb.append(value);
    }
}
