package id.slrt.access;

/** How to reach an enabled user (for notifications): email may be null when none is recorded. */
public record UserContact(String username, String fullName, String email, Role role, String regionCode) {
}
