package id.slrt.eligibility;

import java.util.List;

/**
 * What a rule text would select now, per desa of the region: active households and those matching.
 * {@code errors} is non-empty (and rows empty) when the text does not compile.
 */
public record Preview(List<Row> rows, long households, long matching, long millis, List<RuleMessage> errors) {

    public record Row(String regionCode, String name, long households, long matching) {
        public int percent() {
            return households == 0 ? 0 : (int) Math.round(100.0 * matching / households);
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
