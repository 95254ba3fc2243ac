package id.slrt.eligibility;

/** Where a run stands. */
public enum RunStatus {
    RUNNING, DONE, FAILED;

    public String labelKey() {
        return "eligibility.run.status." + name();
    }
}
