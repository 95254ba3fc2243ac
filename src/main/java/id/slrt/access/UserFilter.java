package id.slrt.access;

/** Filters and sort of the user list. {@code sort}: username, fullName, role, region, lastLogin. */
public record UserFilter(String q, Role role, Boolean enabled, String sort, boolean descending) {
    public static UserFilter none() {
        return new UserFilter(null, null, null, "username", false);
    }
}
