package id.slrt.exchange;

/**
 * Where an import job stands. PREVIEW: uploaded on the pages, waiting for its importer to check the
 * mapping and confirm; RUNNING: being imported; the others are final.
 */
public enum ImportStatus {
    PREVIEW, RUNNING, DONE, FAILED, CANCELLED;

    public boolean finished() {
        return this != RUNNING && this != PREVIEW;
    }

    public String labelKey() {
        return "import.status." + name();
    }
}
