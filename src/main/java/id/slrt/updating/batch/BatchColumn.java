package id.slrt.updating.batch;

import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of a batch file, in file order: {@code nomor_usulan} and {@code jenis_usulan}, the DTKS
 * BNBA columns exactly as DOMAIN.md §4 names them, then {@code keterangan}. Each column knows its
 * header, its cell text for a row, a width for XLSX, and whether it holds an id that must stay text.
 */
public enum BatchColumn {
    NOMOR_USULAN("nomor_usulan", 18, true, BatchRow::requestNumber),
    JENIS_USULAN("jenis_usulan", 16, false, r -> r.action().code()),
    IDDTKS("iddtks", 18, true, BatchRow::idDtks),
    PROVINSI("provinsi", 18, false, BatchRow::provinsi),
    KABUPATEN_KOTA("kabupaten_kota", 20, false, BatchRow::kabupatenKota),
    KECAMATAN("kecamatan", 18, false, BatchRow::kecamatan),
    DESA_KELURAHAN("desa_kelurahan", 20, false, BatchRow::desaKelurahan),
    ALAMAT("alamat", 30, false, BatchRow::alamat),
    DUSUN("dusun", 14, false, BatchRow::dusun),
    RT("rt", 6, true, BatchRow::rt),
    RW("rw", 6, true, BatchRow::rw),
    NOMOR_KK("nomor_kk", 19, true, BatchRow::nomorKk),
    NOMOR_NIK("nomor_nik", 19, true, BatchRow::nomorNik),
    NAMA("nama", 28, false, BatchRow::nama),
    TANGGAL_LAHIR("tanggal_lahir", 13, true, r -> date(r.tanggalLahir())),
    TEMPAT_LAHIR("tempat_lahir", 18, false, BatchRow::tempatLahir),
    JENIS_KELAMIN("jenis_kelamin", 14, false, r -> sexCode(r.jenisKelamin())),
    NAMA_IBU_KANDUNG("nama_ibu_kandung", 24, false, BatchRow::namaIbuKandung),
    HUBUNGAN_KELUARGA("hubungan_keluarga", 18, false, r -> relationshipCode(r.hubunganKeluarga())),
    KETERANGAN("keterangan", 40, false, BatchRow::keterangan);

    private static final List<String> HEADERS = Arrays.stream(values()).map(BatchColumn::header).toList();

    private final String header;
    private final int width;
    private final boolean id;
    private final Function<BatchRow, String> value;

    BatchColumn(String header, int width, boolean id, Function<BatchRow, String> value) {
        this.header = header;
        this.width = width;
        this.id = id;
        this.value = value;
    }

    /** All headers in file order. */
    public static List<String> headers() {
        return HEADERS;
    }

    public String header() {
        return header;
    }

    /** Column width in characters, for XLSX. */
    public int width() {
        return width;
    }

    /** True for ids, codes and dates that a spreadsheet must not turn into numbers. */
    public boolean id() {
        return id;
    }

    /** The cell text of this column for a row; empty, never null, when the row has no value. */
    public String valueOf(BatchRow row) {
        String text = value.apply(row);
        return text == null ? "" : text;
    }

    private static String date(LocalDate date) {
        return date == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    private static String sexCode(Sex sex) {
        if (sex == null) {
            return null;
        }
        return sex == Sex.L ? "1" : "2";
    }

    private static String relationshipCode(Relationship relationship) {
        return relationship == null ? null : String.valueOf(relationship.dtksCode());
    }
}
