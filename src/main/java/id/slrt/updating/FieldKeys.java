package id.slrt.updating;

import id.slrt.registry.Attachment;
import id.slrt.registry.BankAccount;
import id.slrt.registry.Household;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The flat field keys a request speaks in, and the registry's current values under those keys.
 * {@code household.<field>}, {@code member.<id>.<field>}, {@code new.<n>.<field>} (a member to add),
 * {@code ppks.<category>.<household|member id>} ("1" when present) and
 * {@code program.<code>.<household|member id>} (the participation's status).
 */
public final class FieldKeys {
    /** Household fields a request may change, in the order the forms show them. */
    public static final List<String> HOUSEHOLD_FIELDS = List.of("regionCode", "noKk", "dtksId", "address", "rt", "rw",
            "dusun", "houseOwnership", "floorType", "wallType", "roofType", "waterSource", "lighting", "cookingFuel",
            "toilet", "desil", "status", "statusDate");
    /** Member fields a request may change; {@code bank} is "BANKCODE:number" of the active account. */
    public static final List<String> MEMBER_FIELDS = List.of("nik", "noNikReason", "fullName", "birthPlace", "birthDate",
            "sex", "relationship", "maritalStatus", "education", "occupation", "disability", "motherName", "phone",
            "status", "statusDate", "bank");
    public static final String HOUSEHOLD_TARGET = "household";

    private FieldKeys() {
    }

    /** Everything a request could change, as it stands in the registry now. */
    public static Map<String, String> snapshot(RegistryService.Detail detail) {
        Map<String, String> values = new LinkedHashMap<>();
        Household h = detail.household();
        Map<String, String> hf = householdValues(h);
        hf.forEach((field, value) -> values.put("household." + field, value));
        for (Member m : detail.members()) {
            memberValues(m, detail.bankAccounts()).forEach((field, value) -> values.put("member." + m.id() + "." + field, value));
        }
        for (Attachment p : detail.ppks()) {
            if (p.until() == null) {
                values.put("ppks." + p.code() + "." + target(p.memberId()), "1");
            }
        }
        for (Attachment p : detail.programs()) {
            if (!"ENDED".equals(p.status())) {
                values.put("program." + p.code() + "." + target(p.memberId()), p.status());
            }
        }
        return values;
    }

    public static String target(UUID memberId) {
        return memberId == null ? HOUSEHOLD_TARGET : memberId.toString();
    }

    /** The registry's current value of each proposed key: what a proposal is compared with. */
    public static Map<String, String> base(Map<String, String> proposed, Map<String, String> snapshot) {
        Map<String, String> base = new LinkedHashMap<>();
        proposed.keySet().forEach(k -> base.put(k, value(snapshot, k)));
        return base;
    }

    /** The value of {@code key} in a snapshot; absent keys read as empty. */
    public static String value(Map<String, String> snapshot, String key) {
        String v = snapshot.get(key);
        return v == null ? "" : v;
    }

    static Map<String, String> householdValues(Household h) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("regionCode", h.regionCode());
        v.put("noKk", h.noKk());
        v.put("dtksId", h.dtksId());
        v.put("address", h.address());
        v.put("rt", h.rt());
        v.put("rw", h.rw());
        v.put("dusun", h.dusun());
        v.put("houseOwnership", h.houseOwnership());
        v.put("floorType", h.floorType());
        v.put("wallType", h.wallType());
        v.put("roofType", h.roofType());
        v.put("waterSource", h.waterSource());
        v.put("lighting", h.lighting());
        v.put("cookingFuel", h.cookingFuel());
        v.put("toilet", h.toilet());
        v.put("desil", h.desil() == null ? null : h.desil().toString());
        v.put("status", h.status());
        v.put("statusDate", h.statusDate() == null ? null : h.statusDate().toString());
        v.replaceAll((k, val) -> val == null ? "" : val);
        return v;
    }

    static Map<String, String> memberValues(Member m, List<BankAccount> accounts) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("nik", m.nik());
        v.put("noNikReason", m.noNikReason());
        v.put("fullName", m.fullName());
        v.put("birthPlace", m.birthPlace());
        v.put("birthDate", m.birthDate() == null ? null : m.birthDate().toString());
        v.put("sex", m.sex() == null ? null : m.sex().name());
        v.put("relationship", m.relationship().name());
        v.put("maritalStatus", m.maritalStatus());
        v.put("education", m.education());
        v.put("occupation", m.occupation());
        v.put("disability", m.disability());
        v.put("motherName", m.motherName());
        v.put("phone", m.phone());
        v.put("status", m.status());
        v.put("statusDate", m.statusDate() == null ? null : m.statusDate().toString());
        v.put("bank", accounts.stream().filter(a -> a.memberId() != null && a.memberId().equals(m.id()) && a.active())
                .reduce((first, second) -> second).map(a -> a.bankCode() + ":" + a.accountNumber()).orElse(null));
        v.replaceAll((k, val) -> val == null ? "" : val);
        return v;
    }

    /** The kind of a key: household, member, new, ppks or program. */
    public static String group(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** The last part of a key: the field name (or, for ppks/program keys, the target). */
    public static String field(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The middle part of a three-part key: member id, new-member index, PPKS category or program code. */
    public static String middle(String key) {
        String[] parts = key.split("\\.", 3);
        return parts.length == 3 ? parts[1] : "";
    }
}
