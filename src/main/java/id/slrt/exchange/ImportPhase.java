package id.slrt.exchange;

/** What a running import is doing: reading the file into staging, then checking and saving households. */
public enum ImportPhase {
    QUEUED, READING, CHECKING, FINISHED;

    public String labelKey() {
        return "import.phase." + name();
    }
}
