package id.slrt.updating.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the columns of a result file by header name, case-insensitively and accepting synonyms.
 * {@code -1} marks an optional column that is absent.
 */
record ResultColumns(int requestNumber, int status, int reason, int nik) {
    static final List<String> REQUEST_NUMBER = List.of("nomor_usulan", "no_usulan", "id_usulan");
    static final List<String> STATUS = List.of("status", "hasil", "status_verifikasi");
    static final List<String> REASON = List.of("keterangan", "alasan", "catatan");
    static final List<String> NIK = List.of("nomor_nik", "nik");

    static ResultColumns of(List<SheetCell> header) {
        List<String> names = header.stream().map(c -> normalize(c.text())).toList();
        return new ResultColumns(find(names, REQUEST_NUMBER), find(names, STATUS),
                find(names, REASON), find(names, NIK));
    }

    /** File-level problems for missing required columns, reported on the header line. */
    List<ResultProblem> problems(int headerLine) {
        List<ResultProblem> problems = new ArrayList<>();
        if (requestNumber < 0) {
            problems.add(missing(headerLine, REQUEST_NUMBER));
        }
        if (status < 0) {
            problems.add(missing(headerLine, STATUS));
        }
        return problems;
    }

    private static ResultProblem missing(int headerLine, List<String> names) {
        return new ResultProblem(headerLine, "batch.result.missing-column", names.get(0), String.join(", ", names));
    }

    /** "No. Usulan", "NOMOR USULAN" and "nomor-usulan" all become {@code no_usulan}/{@code nomor_usulan}. */
    static String normalize(String header) {
        return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s.\\-]+", "_");
    }

    private static int find(List<String> names, List<String> synonyms) {
        for (String synonym : synonyms) {
            int index = names.indexOf(synonym);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }
}
