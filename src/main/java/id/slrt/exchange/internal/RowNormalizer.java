package id.slrt.exchange.internal;

import id.slrt.exchange.RowProblem;
import id.slrt.registry.BankAccounts;
import id.slrt.registry.Issue;
import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns a file row into the values the registry's validation service reads: dates to ISO, sex,
 * relationship, marital status and program flags to codes, banks to bank codes. Damage the
 * registry's checks cannot see in a plain value (a NIK that a spreadsheet stored as a number, an
 * account number that lost its leading zeros) is turned into what Excel showed or named here. A
 * value that cannot be read is passed on as it is, so that the registry names it with its own code.
 */
public final class RowNormalizer {
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{3,5}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final HeaderMapping mapping;
    private final String scope;
    private final List<BankAccounts.Bank> banks;

    public RowNormalizer(HeaderMapping mapping, String scope, List<BankAccounts.Bank> banks) {
        this.mapping = mapping;
        this.scope = scope;
        this.banks = banks;
    }

    public StagedRow normalize(int rowNo, List<Cell> cells) {
        Map<String, String> data = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        for (Field f : Field.values()) {
            if (mapping.has(f)) {
                String value = value(f, mapping.cell(cells, f), problems);
                if (!value.isEmpty()) {
                    data.put(f.name(), value);
                }
            }
        }
        leadingZeros(cells, data, problems);
        String region = data.getOrDefault(Field.KODE_WILAYAH.name(), "");
        String kk = data.getOrDefault(Field.NO_KK.name(), "");
        String householdKey = kk.isEmpty() ? String.format("~row%09d", rowNo) : kk + "|" + region;
        String nik = data.getOrDefault(Field.NIK.name(), "");
        List<String> raw = cells.stream().map(Cell::text).toList();
        return new StagedRow(rowNo, rowRegion(region), householdKey, nik.matches("\\d{16}") ? nik : null, raw, data,
                null, problems, null);
    }

    /** Rows are kept under their desa when it lies in the importer's scope, else under the scope itself. */
    private String rowRegion(String region) {
        return region.matches("\\d{10}") && region.startsWith(scope) ? region : scope;
    }

    private String value(Field f, Cell cell, List<RowProblem> problems) {
        String text = cell.text().strip();
        if (text.isEmpty()) {
            return "";
        }
        return switch (f) {
            case NIK, NO_KK -> idNumber(cell, text);
            case TGL_LAHIR -> date(text);
            case JENIS_KELAMIN -> sex(f, text, problems);
            case HUB_KELUARGA -> relationship(f, text, problems);
            case STATUS_KAWIN -> marital(text);
            case PKH, BPNT, PBI -> flag(f, text, problems);
            case BANK -> bank(text);
            case KODE_WILAYAH -> text.replaceAll("[\\s.]", "");
            default -> text;
        };
    }

    /**
     * A NIK or No. KK stored as a number has lost its last digits (Excel keeps 15): it is handed on as
     * Excel displays it, so the registry names the damage ("berubah menjadi notasi ilmiah oleh Excel").
     */
    static String idNumber(Cell cell, String text) {
        if (cell.number() && DIGITS.matcher(text).matches() && text.length() >= 12) {
            return excelScientific(text);
        }
        return text;
    }

    /** 1409010101010101 as Excel's General format shows it: 1.40901E+15. */
    static String excelScientific(String digits) {
        String mantissa = (digits.charAt(0) + "." + digits.substring(1, 6)).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "E+" + (digits.length() - 1);
    }

    /** dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, yyyy-mm-dd or an Excel serial number to ISO; unreadable stays as is. */
    static String date(String text) {
        Matcher m = DMY.matcher(text);
        LocalDate d = null;
        if (m.matches()) {
            d = date(m.group(3), m.group(2), m.group(1));
        } else if ((m = YMD.matcher(text)).matches()) {
            d = date(m.group(1), m.group(2), m.group(3));
        } else if (SERIAL.matcher(text).matches() && DateUtil.isValidExcelDate(Double.parseDouble(text))) {
            d = DateUtil.getLocalDateTime(Double.parseDouble(text)).toLocalDate();
        }
        return d == null ? text : d.toString();
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private String sex(Field f, String text, List<RowProblem> problems) {
        Sex sex = Sex.parse(text);
        if (sex == null) {
            problems.add(new RowProblem("import.sex-unknown", Issue.Severity.ERROR, mapping.header(f), text));
            return "";
        }
        return sex.name();
    }

    private String relationship(Field f, String text, List<RowProblem> problems) {
        Relationship r = Relationship.parse(text.replace('-', ' ').replaceAll("\\s+", " "));
        if (r == null) {
            problems.add(new RowProblem("import.relationship-unknown", Issue.Severity.ERROR, mapping.header(f), text));
            return "";
        }
        return r.name();
    }

    /** DTKS codes 1–4 or the words; anything else goes on for the registry to refuse. */
    static String marital(String text) {
        String v = text.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
        return switch (v) {
            case "1", "BELUM_KAWIN", "BELUM_MENIKAH", "LAJANG" -> "BELUM_KAWIN";
            case "2", "KAWIN", "MENIKAH", "KAWIN_TERCATAT", "KAWIN_BELUM_TERCATAT" -> "KAWIN";
            case "3", "CERAI_HIDUP" -> "CERAI_HIDUP";
            case "4", "CERAI_MATI" -> "CERAI_MATI";
            default -> text;
        };
    }

    private String flag(Field f, String text, List<RowProblem> problems) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "Y", "YA", "1", "TRUE", "YES", "V" -> "Y";
            case "T", "TIDAK", "0", "FALSE", "N", "NO", "-" -> "T";
            default -> {
                problems.add(new RowProblem("import.flag-invalid", Issue.Severity.ERROR, mapping.header(f), text));
                yield "";
            }
        };
    }

    /** A bank by its code or its name, with or without "Bank"; unknown banks stay as written (the registry warns). */
    private String bank(String text) {
        String v = text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String withoutPrefix = v.startsWith("BANK ") ? v.substring(5) : v;
        for (BankAccounts.Bank b : banks) {
            String name = b.name().toUpperCase(Locale.ROOT);
            if (b.code().equals(v) || b.code().equals(withoutPrefix) || name.equals(v)
                    || name.equals("BANK " + withoutPrefix)) {
                return b.code();
            }
        }
        return withoutPrefix;
    }

    /**
     * An account number a spreadsheet stored as a number has lost its leading zeros when it is shorter
     * than its bank's length: named here, since the registry only sees a number that is too short.
     */
    private void leadingZeros(List<Cell> cells, Map<String, String> data, List<RowProblem> problems) {
        Cell cell = mapping.cell(cells, Field.NO_REKENING);
        String digits = cell.text().strip();
        if (!cell.number() || !DIGITS.matcher(digits).matches()) {
            return;
        }
        String code = data.getOrDefault(Field.BANK.name(), "");
        banks.stream().filter(b -> b.code().equals(code) && b.accountLength() != null
                        && b.accountLength() > digits.length()).findFirst()
                .ifPresent(b -> problems.add(new RowProblem("import.leading-zeros-lost", Issue.Severity.ERROR,
                        mapping.header(Field.NO_REKENING), digits, b.accountLength() - digits.length())));
    }
}
