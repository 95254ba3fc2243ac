package id.slrt.exchange;

/** Where an import job stands. Only RUNNING changes; the others are final. */
public enum ImportStatus {
    RUNNING, DONE, FAILED, CANCELLED;

    public boolean finished() {
        return this != RUNNING;
    }

    public String labelKey() {
        return "import.status." + name();
    }
}
