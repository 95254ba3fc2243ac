package id.slrt.platform;

import java.util.Set;

/**
 * An entry of the main navigation. Modules contribute them as beans; the layout shows those whose
 * roles include the current user's role. {@code labelKey} is a message key; an entry with a
 * {@code parent} (the parent's label key) appears in that entry's menu instead of the top bar.
 */
public record NavItem(String labelKey, String href, int order, Set<String> roles, String parent) {

    public NavItem(String labelKey, String href, int order, Set<String> roles) {
        this(labelKey, href, order, roles, null);
    }
}
