package id.slrt.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * NIK and No. KK checks (DOMAIN.md §1–2): 16 digits {@code PPKKCC DDMMYY SSSS}. A value damaged by
 * formatting is refused with the cleaned value offered, never stored silently; a value damaged beyond
 * repair (Excel's scientific notation) is refused with what happened.
 */
public final class IdNumbers {
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d([.,]\\d+)?[eE][+]?\\d+");
    private static final Pattern FORMATTING = Pattern.compile("[\\s.\\-_/']");

    private IdNumbers() {
    }

    /** Whether a 6-digit kecamatan code is in the current decree, or only in an earlier one. */
    public interface Kecamatan {
        boolean current(String code);

        boolean historical(String code);
    }

    public record Parsed(String regionCode, LocalDate date, Sex sex, String serial) {
    }

    /** The outcome: issues found, the parts when readable, and a cleaned value to offer when one exists. */
    public record Check(ValidationResult result, Parsed parsed, String suggestion) {
        public boolean valid() {
            return result.valid();
        }
    }

    public static Check checkNik(String field, String raw, LocalDate enteredBirthDate, Sex enteredSex,
                                 Kecamatan kecamatan, LocalDate today) {
        return check("nik", field, raw, enteredBirthDate, enteredSex, kecamatan, today);
    }

    public static Check checkKk(String field, String raw, Kecamatan kecamatan, LocalDate today) {
        return check("kk", field, raw, null, null, kecamatan, today);
    }

    private static Check check(String kind, String field, String raw, LocalDate enteredDate, Sex enteredSex,
                               Kecamatan kecamatan, LocalDate today) {
        ValidationResult result = new ValidationResult();
        if (raw == null || raw.isBlank()) {
            return new Check(result.add(Issue.error(field, kind + ".required")), null, null);
        }
        String value = raw.strip();
        if (SCIENTIFIC.matcher(value).matches()) {
            return new Check(result.add(Issue.error(field, kind + ".scientific-notation", value)), null, null);
        }
        String cleaned = clean(value);
        if (!cleaned.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Check(result.add(Issue.error(field, kind + ".letters", value)), null, null);
        }
        if (cleaned.length() != 16) {
            return new Check(result.add(Issue.error(field, kind + ".length", cleaned.length())), null, null);
        }
        if (!cleaned.equals(value)) {
            // Readable, but not as typed: offer the cleaned number instead of storing it silently.
            result.add(Issue.error(field, kind + ".formatting", cleaned));
        }
        Parsed parsed = parse(kind, field, cleaned, enteredDate, kecamatan, today, result);
        if (parsed != null && parsed.date() != null) {
            if (enteredDate != null && !enteredDate.equals(parsed.date())) {
                result.add(Issue.warning(field, kind + ".birthdate-mismatch", parsed.date(), enteredDate));
            }
            if (enteredSex != null && parsed.sex() != null && enteredSex != parsed.sex()) {
                result.add(Issue.warning(field, kind + ".sex-mismatch", parsed.sex(), enteredSex));
            }
        }
        return new Check(result, parsed, cleaned.equals(value) ? null : cleaned);
    }

    /** Digits only: Unicode digits to ASCII, spaces/dots/dashes dropped, letters O and I read as 0 and 1. */
    static String clean(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (Character.isDigit(cp)) {
                sb.append((char) ('0' + Character.digit(cp, 10)));
            } else if (cp == 'O' || cp == 'o') {
                sb.append('0');
            } else if (cp == 'I' || cp == 'l') {
                sb.append('1');
            } else if (!FORMATTING.matcher(new String(Character.toChars(cp))).matches()) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static Parsed parse(String kind, String field, String digits, LocalDate enteredDate,
                                Kecamatan kecamatan, LocalDate today, ValidationResult result) {
        String region = digits.substring(0, 6);
        if (!kecamatan.current(region)) {
            if (kecamatan.historical(region)) {
                result.add(Issue.warning(field, kind + ".region-historical", region));
            } else {
                result.add(Issue.error(field, kind + ".region-unknown", region));
            }
        }
        int day = Integer.parseInt(digits.substring(6, 8));
        int month = Integer.parseInt(digits.substring(8, 10));
        int yy = Integer.parseInt(digits.substring(10, 12));
        String serial = digits.substring(12);
        Sex sex = null;
        if (kind.equals("nik")) {
            if (day >= 41 && day <= 71) {
                sex = Sex.P;
                day -= 40;
            } else if (day >= 1 && day <= 31) {
                sex = Sex.L;
            }
        }
        LocalDate date = date(day, month, yy, enteredDate, today);
        if (date == null) {
            result.add(Issue.error(field, kind + ".date-invalid", digits.substring(6, 12)));
        } else if (date.isAfter(today)) {
            result.add(Issue.error(field, kind + ".date-future", date));
        }
        if (serial.equals("0000")) {
            result.add(Issue.error(field, kind + ".serial-zero"));
        }
        return new Parsed(region, date, sex, serial);
    }

    /**
     * The date of DD-MM-YY: the century of the entered birth date when its year ends in YY, otherwise
     * the latest year not in the future; falls back to the other century when the day does not exist
     * (29-02-00 exists in 2000, not in 1900).
     */
    private static LocalDate date(int day, int month, int yy, LocalDate entered, LocalDate today) {
        int recent = 2000 + yy <= today.getYear() ? 2000 + yy : 1900 + yy;
        int first = entered != null && entered.getYear() % 100 == yy ? entered.getYear() : recent;
        LocalDate d = tryDate(first, month, day);
        if (d == null) {
            int other = first >= 2000 ? first - 100 : first + 100;
            d = other <= today.getYear() ? tryDate(other, month, day) : null;
        }
        return d;
    }

    private static LocalDate tryDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
