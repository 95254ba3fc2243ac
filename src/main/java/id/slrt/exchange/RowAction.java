package id.slrt.exchange;

/**
 * What became of a row beyond its outcome, when it is not the plain case (registered as part of a new
 * household, or kept in the quarantine): its registered person was updated, a change request was made
 * for it, it matched a registered person with nothing to change, or its household was left as it was.
 */
public enum RowAction {
    UPDATED, REQUESTED, UNCHANGED, SKIPPED;

    public String labelKey() {
        return "import.action." + name();
    }
}
