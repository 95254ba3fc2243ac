package id.slrt.registry.generator;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Random;

/**
 * Writes generated households as a DTKS-style CSV file to import (benchmark of bulk import), one row
 * per person, with damage injected into a chosen share of the rows, each kind a damage the import must
 * name with a known code: a NIK shown by Excel in scientific notation, a NIK that lost a digit, a date
 * that does not exist, letters in an account number, an unknown sex code. Nothing else is damaged
 * (the generator runs without its own injections), so every other row is importable.
 */
final class ImportFile {
    static final String HEADER = "NO_KK,NIK,NAMA,TEMPAT_LAHIR,TGL_LAHIR,JENIS_KELAMIN,HUB_KELUARGA,STATUS_KAWIN,"
            + "PEKERJAAN,NAMA_IBU_KANDUNG,ALAMAT,RT,RW,DUSUN,KODE_WILAYAH,BANK,NO_REKENING,PKH,BPNT,PBI";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** How many rows and households were written and how many rows carry injected damage. */
    record Written(long rows, long households, long damagedRows) {
    }

    private ImportFile() {
    }

    static Written write(Iterator<Generated.Household> households, double errorRate, long seed, Writer out)
            throws IOException {
        Random random = new Random(seed ^ 0x5EEDL);
        out.write(HEADER);
        out.write('\n');
        long rows = 0;
        long count = 0;
        long damaged = 0;
        StringBuilder line = new StringBuilder(256);
        while (households.hasNext()) {
            Generated.Household h = households.next();
            count++;
            boolean pkh = h.programs().stream().anyMatch(p -> p.memberId() == null && p.program().equals("PKH"));
            boolean bpnt = h.programs().stream().anyMatch(p -> p.memberId() == null && p.program().equals("BPNT"));
            for (Generated.Member m : h.members()) {
                boolean pbi = h.programs().stream().anyMatch(p -> m.id().equals(p.memberId())
                        && p.program().equals("PBI_JK"));
                Generated.Account account = h.account() != null && h.account().memberId().equals(m.id()) ? h.account()
                        : null;
                String nik = m.nik();
                String birth = DMY.format(m.birthDate());
                String sex = m.sex().name();
                String number = account == null ? "" : account.number();
                if (random.nextDouble() < errorRate) {
                    damaged++;
                    switch (random.nextInt(account == null ? 4 : 5)) {
                        case 0 -> nik = nik.charAt(0) + "." + nik.substring(1, 6) + "E+15";
                        case 1 -> nik = nik.substring(0, 15);
                        case 2 -> birth = "31-02-" + m.birthDate().getYear();
                        case 3 -> sex = "X";
                        default -> number = number.substring(0, number.length() - 3) + "O1I";
                    }
                }
                line.setLength(0);
                line.append(h.noKk()).append(',').append(nik).append(',');
                field(line, m.fullName()).append(',');
                field(line, m.birthPlace()).append(',').append(birth).append(',').append(sex).append(',')
                        .append(m.relationship().name()).append(',').append(nz(m.maritalStatus())).append(',');
                field(line, m.occupation()).append(',');
                field(line, m.motherName()).append(',');
                field(line, h.address()).append(',').append(h.rt()).append(',').append(h.rw()).append(',');
                field(line, h.dusun()).append(',').append(h.village().code()).append(',')
                        .append(account == null ? "" : account.bankCode()).append(',').append(number).append(',')
                        .append(pkh ? "Y" : "T").append(',').append(bpnt ? "Y" : "T").append(',')
                        .append(pbi ? "Y" : "T").append('\n');
                out.append(line);
                rows++;
            }
        }
        out.flush();
        return new Written(rows, count, damaged);
    }

    private static StringBuilder field(StringBuilder sb, String value) {
        if (value == null) {
            return sb;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return sb.append(value);
        }
        return sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
