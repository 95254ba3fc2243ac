package id.slrt.referral;

import java.util.List;

/**
 * A partner agency or a Dinas Sosial program unit referrals go to. {@code code} is what a MITRA user's
 * agency holds; {@code acceptDays}/{@code completeDays} are its service level in working days.
 */
public record PartnerAgency(String code, String name, String kind, String email, String phone, int acceptDays,
                            int completeDays, boolean active, int version) {

    public static final List<String> KINDS = List.of("CIVIL_REGISTRY", "HEALTH_INSURANCE", "EMPLOYMENT_INSURANCE",
            "HEALTH", "EDUCATION", "ZAKAT", "VILLAGE", "SOCIAL_PROGRAM", "OTHER");

    public String kindKey() {
        return "referral.agency.kind." + kind;
    }
}
