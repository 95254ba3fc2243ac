package id.slrt.updating;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of pemutakhiran in days: for the supervisor to verify a submitted request, for the
 * district to apply a verified one, for the maker to fix a returned one; and after how many days
 * without activity an operator is flagged as inactive.
 */
@ConfigurationProperties(prefix = "slrt.updating")
public record UpdatingSettings(int verifyDays, int applyDays, int fixDays, int inactiveDays) {
}
