package id.slrt.registry;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may change the registry directly (register, edit, member status, PPKS, programs, bank accounts)
 * rather than through a change request verified by the kecamatan supervisor. A district that wants every
 * village change checked removes {@code OPERATOR_DESA} and {@code FASILITATOR}; their pages then offer
 * only "propose a change".
 */
@ConfigurationProperties(prefix = "slrt.registry")
public record RegistrySettings(Set<String> directEditRoles) {

    public RegistrySettings {
        directEditRoles = directEditRoles == null ? Set.of() : Set.copyOf(directEditRoles);
    }

    public boolean editsDirectly(String role) {
        return role != null && directEditRoles.contains(role);
    }
}
