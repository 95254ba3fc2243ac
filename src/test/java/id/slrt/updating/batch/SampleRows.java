package id.slrt.updating.batch;

import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Batch rows for tests: row {@code i} has request number UP-2026-00000i and a NIK ending in i. */
final class SampleRows {
    private SampleRows() {
    }

    static BatchRow row(int i) {
        return new BatchRow(requestNumber(i), BatchAction.values()[i % BatchAction.values().length],
                String.format("DTKS%010d", i), "JAWA BARAT", "KABUPATEN BOGOR", "CIBINONG", "PAKANSARI",
                "Jl. Raya Pakansari No. " + i, "Dusun II", "003", "011", String.format("3201992%09d", i), nik(i),
                "SITI NURHALIZA " + i, LocalDate.of(1980, 1, 1).plusDays(i % 10_000), "BOGOR",
                i % 2 == 0 ? Sex.P : Sex.L, "AMINAH", Relationship.values()[i % 8], "usulan musdes " + i);
    }

    static String requestNumber(int i) {
        return String.format("UP-2026-%06d", i);
    }

    static String nik(int i) {
        return String.format("3201014%09d", i);
    }

    static List<BatchRow> rows(int count) {
        return stream(count).toList();
    }

    /** Rows made one at a time as they are consumed, like rows streamed from the database. */
    static Stream<BatchRow> stream(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(SampleRows::row);
    }
}
