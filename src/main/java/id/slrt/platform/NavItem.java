package id.slrt.platform;

import java.util.Set;

/**
 * An entry of the main navigation. Modules contribute them as beans; the layout shows those whose
 * roles include the current user's role. {@code labelKey} is a message key.
 */
public record NavItem(String labelKey, String href, int order, Set<String> roles) {
}
