package id.slrt.updating;

/** What a change request proposes. Each kind limits which fields a request may carry. */
public enum ChangeKind {
    NEW_HOUSEHOLD(false),
    ADD_MEMBER(true),
    REMOVE_MEMBER(true),
    MOVE_HOUSEHOLD(true),
    CORRECT(true),
    PPKS(true),
    PROGRAM(true),
    DTKS_REMOVAL(true),
    SPLIT(true),
    MERGE(true);

    private final boolean needsHousehold;

    ChangeKind(boolean needsHousehold) {
        this.needsHousehold = needsHousehold;
    }

    /** Whether the request changes an existing household (all but a new household). */
    public boolean needsHousehold() {
        return needsHousehold;
    }

    public String labelKey() {
        return "updating.kind." + name();
    }

    public static ChangeKind parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
