package id.slrt.audit;

/** A field's value before and after a change. Secrets are recorded as "***". */
public record Change(Object from, Object to) {
    public static final String MASK = "***";

    public static Change masked() {
        return new Change(MASK, MASK);
    }
}
