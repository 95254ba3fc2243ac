package id.slrt.access;

import id.slrt.shared.CurrentActor;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authenticated user as kept in the session or resolved from an API token. No secrets. */
public record SlrtUser(UUID userId, String username, String fullName, String role, String regionScope,
                       String agency, boolean mustChangePassword)
        implements CurrentActor, AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    /** Partner (MITRA) users see only their agency's referrals; {@code agency} holds the agency's code. */
    @Override
    public String agencyLimit() {
        return Role.MITRA.name().equals(role) ? (agency == null ? "" : agency) : null;
    }

    public Role roleEnum() {
        return Role.valueOf(role);
    }

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(roleEnum().authority()));
    }

    public SlrtUser withMustChangePassword(boolean value) {
        return new SlrtUser(userId, username, fullName, role, regionScope, agency, value);
    }
}
