package id.slrt.exchange.internal;

import id.slrt.exchange.RowAction;
import id.slrt.exchange.RowOutcome;
import id.slrt.exchange.RowProblem;
import java.util.List;
import java.util.Map;

/**
 * A data row as staged: number, the region it is kept under (row-level security), the household it
 * belongs to, its NIK when readable, every original cell, the normalized fields, its findings and
 * what became of it beyond its outcome (null: the plain case).
 */
public record StagedRow(int rowNo, String regionCode, String householdKey, String nik, List<String> raw,
                        Map<String, String> data, RowOutcome outcome, List<RowProblem> problems,
                        RowAction action) {

    public String get(Field field) {
        String v = data.get(field.name());
        return v == null ? "" : v;
    }
}
