package id.slrt.registry;

import java.util.List;

/** Someone saved the household after this form was opened: nothing was written; both versions are shown. */
public class StaleEdit extends RuntimeException {
    private final transient Household current;
    private final transient List<Member> currentMembers;

    public StaleEdit(Household current, List<Member> currentMembers) {
        super("household " + current.id() + " changed meanwhile (now version " + current.version() + ")");
        this.current = current;
        this.currentMembers = currentMembers;
    }

    public Household current() {
        return current;
    }

    public List<Member> currentMembers() {
        return currentMembers;
    }
}
