package id.slrt.exchange;

import id.slrt.registry.ExportRow;
import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The column layouts of a registry export. {@link #REGISTRY}: every exported field under Indonesian
 * headers that the importer also recognises (an export can be corrected and imported again), codes
 * as the registry stores them. {@link #SIKSNG}: the DTKS BNBA columns of DOMAIN.md §4, exactly named
 * and in that order, with {@code jenis_kelamin} 1/2 and {@code hubungan_keluarga} 1–8.
 */
public enum ExportLayout {
    REGISTRY("rumah-tangga", List.of(
            id("Nomor KK", 19, ExportRow::noKk),
            id("Kode Wilayah", 13, ExportRow::regionCode),
            text("Provinsi", 16, r -> r.place().provinsi()),
            text("Kabupaten/Kota", 20, r -> r.place().kabupatenKota()),
            text("Kecamatan", 18, r -> r.place().kecamatan()),
            text("Desa/Kelurahan", 20, r -> r.place().desaKelurahan()),
            text("Alamat", 30, ExportRow::address),
            id("RT", 6, ExportRow::rt),
            id("RW", 6, ExportRow::rw),
            text("Dusun", 14, ExportRow::dusun),
            id("ID DTKS", 18, ExportRow::dtksId),
            text("Desil", 7, r -> r.desil() == null ? null : r.desil().toString()),
            text("Status Kepemilikan Rumah", 18, ExportRow::houseOwnership),
            text("Luas Lantai (m2)", 10, r -> decimal(r.floorAreaM2())),
            text("Jenis Lantai", 12, ExportRow::floorType),
            text("Jenis Dinding", 12, ExportRow::wallType),
            text("Jenis Atap", 12, ExportRow::roofType),
            text("Sumber Air Minum", 18, ExportRow::waterSource),
            text("Sumber Penerangan", 18, ExportRow::lighting),
            text("Bahan Bakar Memasak", 16, ExportRow::cookingFuel),
            text("Fasilitas BAB", 12, ExportRow::toilet),
            text("PPKS", 20, ExportRow::ppks),
            text("Program", 16, ExportRow::programs),
            text("Kualitas Data", 10, ExportRow::quality),
            id("NIK", 19, ExportRow::nik),
            text("Nama", 28, ExportRow::fullName),
            text("Tempat Lahir", 18, ExportRow::birthPlace),
            id("Tanggal Lahir", 13, r -> date(r.birthDate())),
            text("Jenis Kelamin", 8, r -> r.sex() == null ? null : r.sex().name()),
            text("Hubungan Keluarga", 14, r -> r.relationship() == null ? null : r.relationship().name()),
            text("Status Kawin", 14, ExportRow::maritalStatus),
            text("Nama Ibu Kandung", 24, ExportRow::motherName))),
    SIKSNG("dtks-bnba", List.of(
            id("iddtks", 18, ExportRow::dtksId),
            text("provinsi", 18, r -> r.place().provinsi()),
            text("kabupaten_kota", 20, r -> r.place().kabupatenKota()),
            text("kecamatan", 18, r -> r.place().kecamatan()),
            text("desa_kelurahan", 20, r -> r.place().desaKelurahan()),
            text("alamat", 30, ExportRow::address),
            text("dusun", 14, ExportRow::dusun),
            id("rt", 6, ExportRow::rt),
            id("rw", 6, ExportRow::rw),
            id("nomor_kk", 19, ExportRow::noKk),
            id("nomor_nik", 19, ExportRow::nik),
            text("nama", 28, ExportRow::fullName),
            id("tanggal_lahir", 13, r -> date(r.birthDate())),
            text("tempat_lahir", 18, ExportRow::birthPlace),
            text("jenis_kelamin", 14, r -> sexCode(r.sex())),
            text("nama_ibu_kandung", 24, ExportRow::motherName),
            text("hubungan_keluarga", 18, r -> relationshipCode(r.relationship()))));

    /**
     * One column: header, width in characters (XLSX), whether it holds an id, code or date that a
     * spreadsheet must keep as text (16-digit NIKs become {@code 1.40901E+15}, RT {@code 001} becomes 1),
     * and its cell text for a row.
     */
    public record Column(String header, int width, boolean id, Function<ExportRow, String> value) {
        /** The cell text; empty, never null, when the row has no value. */
        public String valueOf(ExportRow row) {
            String text = value.apply(row);
            return text == null ? "" : text;
        }
    }

    private final String fileName;
    private final List<Column> columns;

    ExportLayout(String fileName, List<Column> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** The start of the download's file name, e.g. {@code dtks-bnba}. */
    public String fileName() {
        return fileName;
    }

    /** The layout named by a request parameter ({@code registry}, {@code siksng}), any case; null if none matches. */
    public static ExportLayout parse(String value) {
        if (value == null || value.isBlank()) {
            return REGISTRY;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Column id(String header, int width, Function<ExportRow, String> value) {
        return new Column(header, width, true, value);
    }

    private static Column text(String header, int width, Function<ExportRow, String> value) {
        return new Column(header, width, false, value);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
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
