package id.slrt.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Escalation of overdue complaints: first to the kecamatan's supervisors, then, {@code managerAfterDays} working
 * days later and still overdue, to the district's managers. The job looks every {@code interval}.
 */
@ConfigurationProperties(prefix = "slrt.complaint.escalation")
public record EscalationSettings(int managerAfterDays, Duration interval) {
}
