package id.slrt.complaint;

/** The door a complaint came in by. */
public enum Channel {
    WEB_PUBLIC, OPERATOR, API;

    public String labelKey() {
        return "complaint.channel." + name();
    }
}
