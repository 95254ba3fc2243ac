package id.slrt.exchange.internal;

import id.slrt.exchange.ImportJob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of the file holds which canonical field. The first column matching a field wins; a
 * later column with the same meaning, and every column with an unknown header, is kept as it is.
 */
public final class HeaderMapping {
    private final List<String> headers;
    private final Map<Field, Integer> columns;

    private HeaderMapping(List<String> headers, Map<Field, Integer> columns) {
        this.headers = List.copyOf(headers);
        this.columns = columns;
    }

    public static HeaderMapping detect(List<String> headers) {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        for (int i = 0; i < headers.size(); i++) {
            int index = i;
            Field.forHeader(headers.get(i)).ifPresent(f -> columns.putIfAbsent(f, index));
        }
        return new HeaderMapping(headers.stream().map(String::strip).toList(), columns);
    }

    /**
     * The mapping as the importer set it: per column (in file order) a field, or null to keep the column
     * as it is. Columns beyond {@code fields} keep what was detected for them.
     *
     * @throws IllegalArgumentException when a field is given to two columns (message: the field)
     */
    public static HeaderMapping of(List<String> headers, List<Field> fields) {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        HeaderMapping detected = detect(headers);
        for (int i = 0; i < headers.size(); i++) {
            Field f = i < fields.size() ? fields.get(i) : detected.fieldAt(i).orElse(null);
            if (f != null && columns.putIfAbsent(f, i) != null) {
                throw new IllegalArgumentException(f.name());
            }
        }
        return new HeaderMapping(headers.stream().map(String::strip).toList(), columns);
    }

    /** Whether any column is read as a field that identifies people or households. */
    public boolean identifies() {
        return has(Field.NIK) || has(Field.NAMA) || has(Field.NO_KK);
    }

    public List<String> headers() {
        return headers;
    }

    public boolean has(Field field) {
        return columns.containsKey(field);
    }

    /** The field's cell in a row; empty text when the file has no such column or the row is short. */
    public Cell cell(List<Cell> row, Field field) {
        Integer i = columns.get(field);
        return i == null || i >= row.size() ? Cell.EMPTY : row.get(i);
    }

    /** The column header to show for a field: as written in the file, or the canonical name when absent. */
    public String header(Field field) {
        Integer i = columns.get(field);
        return i == null ? field.name() : headers.get(i);
    }

    public Optional<Field> fieldAt(int column) {
        return columns.entrySet().stream().filter(e -> e.getValue() == column).map(Map.Entry::getKey).findFirst();
    }

    public List<ImportJob.Column> describe() {
        List<ImportJob.Column> list = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            list.add(new ImportJob.Column(headers.get(i), fieldAt(i).map(Enum::name).orElse(null)));
        }
        return Collections.unmodifiableList(list);
    }
}
