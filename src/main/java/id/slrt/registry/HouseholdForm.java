package id.slrt.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an operator enters for a household and its members. Used for create and edit; on edit,
 * {@code version} and each member's {@code id}/{@code version} guard against overwriting someone
 * else's change. Warnings are saved only with {@code acceptWarnings} and a reason.
 */
public record HouseholdForm(String regionCode, String noKk, String dtksId, String address, String rt, String rw,
                            String dusun, String houseOwnership, String floorType, String wallType, String roofType,
                            String waterSource, String lighting, String cookingFuel, String toilet, Integer desil,
                            Integer version, List<MemberForm> members, Boolean acceptWarnings, String warningReason) {

    public HouseholdForm {
        members = members == null ? new ArrayList<>() : new ArrayList<>(members);
    }

    /** Whether the operator accepted the warnings (with {@code warningReason}). */
    public boolean accepted() {
        return Boolean.TRUE.equals(acceptWarnings);
    }

    /** One member row of the form. A blank row (no name, no NIK) is ignored. */
    public record MemberForm(UUID id, Integer version, String nik, String noNikReason, String fullName,
                             String birthPlace, String birthDate, String sex, String relationship, String maritalStatus,
                             String education, String occupation, String disability, String motherName, String phone) {

        public boolean blank() {
            return isBlank(nik) && isBlank(fullName) && isBlank(birthDate) && id == null;
        }

        public static MemberForm empty(String relationship) {
            return new MemberForm(null, null, "", "", "", "", "", "", relationship, "", "", "", "NONE", "", "");
        }

        public static MemberForm of(Member m) {
            return new MemberForm(m.id(), m.version(), m.nik(), m.noNikReason(), m.fullName(), m.birthPlace(),
                    m.birthDate() == null ? "" : m.birthDate().toString(), m.sex() == null ? "" : m.sex().name(),
                    m.relationship().name(), m.maritalStatus(), m.education(), m.occupation(), m.disability(),
                    m.motherName(), m.phone());
        }
    }

    public static HouseholdForm empty(String regionCode) {
        List<MemberForm> members = new ArrayList<>();
        members.add(MemberForm.empty("KEPALA"));
        members.add(MemberForm.empty("ISTRI_SUAMI"));
        members.add(MemberForm.empty("ANAK"));
        return new HouseholdForm(regionCode, "", "", "", "", "", "", "", "", "", "", "", "", "", "", null, null,
                members, false, "");
    }

    public static HouseholdForm of(Household h, List<Member> members) {
        return new HouseholdForm(h.regionCode(), h.noKk(), h.dtksId(), h.address(), h.rt(), h.rw(), h.dusun(),
                h.houseOwnership(), h.floorType(), h.wallType(), h.roofType(), h.waterSource(), h.lighting(),
                h.cookingFuel(), h.toilet(), h.desil(), h.version(),
                members.stream().filter(Member::active).map(MemberForm::of).toList(), false, "");
    }

    public HouseholdForm withMembers(List<MemberForm> newMembers) {
        return new HouseholdForm(regionCode, noKk, dtksId, address, rt, rw, dusun, houseOwnership, floorType, wallType,
                roofType, waterSource, lighting, cookingFuel, toilet, desil, version, newMembers, acceptWarnings,
                warningReason);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
