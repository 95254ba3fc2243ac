package id.slrt.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One active member with the fields of their household, as an export writes them: one row per
 * person, the household's fields repeated on each of its members' rows. {@code ppks} and
 * {@code programs} are the household's active PPKS categories and programs, codes joined by
 * {@code ;} in code order (empty when none).
 */
public record ExportRow(UUID householdId, String noKk, String regionCode, Place place, String address, String rt,
                        String rw, String dusun, String dtksId, Integer desil, String houseOwnership,
                        BigDecimal floorAreaM2, String floorType, String wallType, String roofType, String waterSource,
                        String lighting, String cookingFuel, String toilet, String ppks, String programs,
                        String quality, UUID memberId, String nik, String fullName, String birthPlace,
                        LocalDate birthDate, Sex sex, Relationship relationship, String maritalStatus,
                        String motherName) {

    /** Names of the household's desa and the regions above it; a name is the code when it is unknown. */
    public record Place(String provinsi, String kabupatenKota, String kecamatan, String desaKelurahan) {
    }
}
