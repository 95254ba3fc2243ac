package id.slrt.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the public doors per client (IP address): how many filings and status checks within
 * {@code window}; {@code rateLimit=false} switches them off (benchmarks, a trusted kiosk network).
 */
@ConfigurationProperties(prefix = "slrt.complaint")
public record ComplaintSettings(boolean rateLimit, int filingsPerWindow, int checksPerWindow, Duration window) {
}
