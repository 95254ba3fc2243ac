package id.slrt.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A PPKS condition or a program participation of a household (member null) or of one member:
 * {@code code} is the PPKS category or program code, {@code name} its name.
 */
public record Attachment(UUID id, UUID memberId, String code, String name, LocalDate since, LocalDate until,
                         String status) {
}
