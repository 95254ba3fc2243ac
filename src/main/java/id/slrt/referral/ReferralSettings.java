package id.slrt.referral;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long a single-referral link for an agency without an account stays valid ({@code SLRT_REFERRAL_LINK_TTL}). */
@ConfigurationProperties(prefix = "slrt.referral")
public record ReferralSettings(Duration linkTtl) {
    public ReferralSettings {
        if (linkTtl == null || linkTtl.isNegative() || linkTtl.isZero()) {
            linkTtl = Duration.ofDays(14);
        }
    }
}
