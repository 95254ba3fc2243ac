package id.slrt.access;

/**
 * A user was created, changed (role, region) or enabled/disabled. Published in the transaction of the change;
 * modules that remember who works where (complaint handlers) forget it. Carries no personal data.
 */
public record UsersChanged(String username) {
}
