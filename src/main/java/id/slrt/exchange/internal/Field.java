package id.slrt.exchange.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical fields of an import row and the header names accepted for each (issue #7, and the
 * DTKS BNBA names of DOMAIN.md §4). Headers are compared without case, spaces, underscores, dots or
 * dashes: {@code Nomor KK}, {@code NO_KK} and {@code no.kk} are the same. {@code registryField} is
 * the name the registry's validation service uses for it (members' fields without their prefix).
 */
public enum Field {
    NO_KK("noKk", "NOKK", "NO_KK", "NOMOR KK", "NOMOR_KK", "NO KARTU KELUARGA", "NOMOR KARTU KELUARGA", "KK"),
    NIK("nik", "NIK", "NOMOR_NIK", "NO_NIK", "NOMOR NIK"),
    NAMA("fullName", "NAMA", "NAMA LENGKAP", "NAMA_ART", "NAMA ANGGOTA"),
    TEMPAT_LAHIR("birthPlace", "TEMPAT_LAHIR", "TEMPAT LAHIR", "TMPT_LAHIR", "TMP_LAHIR"),
    TGL_LAHIR("birthDate", "TGL_LAHIR", "TANGGAL LAHIR", "TANGGAL_LAHIR", "TGLLAHIR", "TANGGALLAHIR"),
    JENIS_KELAMIN("sex", "JENIS_KELAMIN", "JENIS KELAMIN", "JK", "KELAMIN", "SEX"),
    HUB_KELUARGA("relationship", "HUB_KELUARGA", "HUBUNGAN", "HUBUNGAN_KELUARGA", "HUBUNGAN KELUARGA", "HUB_KK", "SHDK",
            "HUBUNGAN DENGAN KEPALA KELUARGA"),
    STATUS_KAWIN("maritalStatus", "STATUS_KAWIN", "STATUS KAWIN", "STATUS_PERKAWINAN", "STATUS PERKAWINAN", "STA_KAWIN"),
    PEKERJAAN("occupation", "PEKERJAAN", "JENIS_PEKERJAAN"),
    NAMA_IBU_KANDUNG("motherName", "NAMA_IBU_KANDUNG", "NAMA IBU KANDUNG", "NAMA_IBU", "IBU_KANDUNG"),
    ALAMAT("address", "ALAMAT", "ALAMAT_RUMAH", "ALAMAT LENGKAP"),
    RT("rt", "RT", "NO_RT"),
    RW("rw", "RW", "NO_RW"),
    DUSUN("dusun", "DUSUN", "NAMA_DUSUN", "DUSUN_LINGKUNGAN", "LINGKUNGAN"),
    KODE_WILAYAH("regionCode", "KODE_WILAYAH", "KODE WILAYAH", "KDDESA", "KD_DESA", "KODE_DESA", "KODE DESA",
            "KODE_DESA_KELURAHAN", "KODE_KELURAHAN", "DESA_KELURAHAN", "KODE_WIL"),
    BANK("bank", "BANK", "NAMA_BANK", "KODE_BANK", "BANK_PENYALUR"),
    NO_REKENING("accountNumber", "NO_REKENING", "NOMOR REKENING", "NOMOR_REKENING", "NOREK", "NO_REK", "REKENING"),
    ID_DTKS("dtksId", "ID_DTKS", "IDDTKS", "ID DTKS"),
    PKH("program.PKH", "PKH", "STATUS_PKH", "PENERIMA_PKH"),
    BPNT("program.BPNT", "BPNT", "SEMBAKO", "STATUS_BPNT", "PENERIMA_BPNT"),
    PBI("program.PBI_JK", "PBI", "PBI_JK", "PBI_JKN", "KIS", "STATUS_PBI");

    private static final Map<String, Field> BY_KEY = new HashMap<>();

    static {
        for (Field f : values()) {
            for (String name : f.names) {
                BY_KEY.put(key(name), f);
            }
        }
    }

    private final String registryField;
    private final List<String> names;

    Field(String registryField, String... names) {
        this.registryField = registryField;
        this.names = List.of(names);
    }

    public String registryField() {
        return registryField;
    }

    public List<String> names() {
        return names;
    }

    public static Optional<Field> forHeader(String header) {
        return Optional.ofNullable(BY_KEY.get(key(header)));
    }

    public static Optional<Field> parse(String name) {
        try {
            return name == null || name.isBlank() ? Optional.empty() : Optional.of(valueOf(name.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Upper case without spaces, underscores, dots, dashes or a BOM. */
    public static String key(String header) {
        return header == null ? "" : header.replaceAll("[\\s_.\\-\\uFEFF]", "").toUpperCase(Locale.ROOT);
    }
}
