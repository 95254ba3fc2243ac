package id.slrt.eligibility.lang;

import id.slrt.registry.DtksCodes;
import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry fields rules speak of, with the column each compiles to. Household code lists are the
 * registry's ({@link DtksCodes}); disability codes are those the registry and its generator use (the
 * registry records the kind, not the severity: {@code GANDA}, multiple, is the closest to "severe").
 */
public final class Fields {
    public static final String MEMBERS = "members";
    public static final String PPKS = "ppks";
    public static final String AGE = "age";
    public static final List<String> DISABILITY = List.of("NONE", "FISIK", "SENSORIK_NETRA", "SENSORIK_RUNGU_WICARA",
            "INTELEKTUAL", "MENTAL", "GANDA");
    public static final List<String> MARITAL = List.of("BELUM_KAWIN", "KAWIN", "CERAI_HIDUP", "CERAI_MATI");

    /** Rule name of a household code field → the DTKS field name in {@link DtksCodes}. */
    static final Map<String, String> HOUSEHOLD_CODES = new LinkedHashMap<>();
    /** Rule name of a household field → its column on {@code household h}. */
    static final Map<String, String> HOUSEHOLD_COLUMNS = new LinkedHashMap<>();
    /** Rule name of a member field → its column on {@code member m}. */
    static final Map<String, String> MEMBER_COLUMNS = new LinkedHashMap<>();

    static {
        HOUSEHOLD_CODES.put("floor", "floorType");
        HOUSEHOLD_CODES.put("wall", "wallType");
        HOUSEHOLD_CODES.put("roof", "roofType");
        HOUSEHOLD_CODES.put("water", "waterSource");
        HOUSEHOLD_CODES.put("lighting", "lighting");
        HOUSEHOLD_CODES.put("cooking_fuel", "cookingFuel");
        HOUSEHOLD_CODES.put("toilet", "toilet");
        HOUSEHOLD_CODES.put("ownership", "houseOwnership");
        HOUSEHOLD_COLUMNS.put("desil", "h.desil");
        HOUSEHOLD_COLUMNS.put("floor_area", "h.floor_area_m2");
        HOUSEHOLD_COLUMNS.put("floor", "h.floor_type");
        HOUSEHOLD_COLUMNS.put("wall", "h.wall_type");
        HOUSEHOLD_COLUMNS.put("roof", "h.roof_type");
        HOUSEHOLD_COLUMNS.put("water", "h.water_source");
        HOUSEHOLD_COLUMNS.put("lighting", "h.lighting");
        HOUSEHOLD_COLUMNS.put("cooking_fuel", "h.cooking_fuel");
        HOUSEHOLD_COLUMNS.put("toilet", "h.toilet");
        HOUSEHOLD_COLUMNS.put("ownership", "h.house_ownership");
        MEMBER_COLUMNS.put("sex", "m.sex::text");
        MEMBER_COLUMNS.put("relationship", "m.relationship");
        MEMBER_COLUMNS.put("disability", "m.disability");
        MEMBER_COLUMNS.put("marital", "m.marital_status");
    }

    private Fields() {
    }

    /** Every field, with the PPKS categories the registry knows today. */
    public static Vocabulary vocabulary(List<String> ppksCodes) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("desil", false, Field.Type.NUMBER, null));
        f.add(new Field(MEMBERS, false, Field.Type.NUMBER, null));
        f.add(new Field("floor_area", false, Field.Type.NUMBER, null));
        HOUSEHOLD_CODES.forEach((name, dtks) -> f.add(new Field(name, false, Field.Type.CODE, DtksCodes.FIELDS.get(dtks))));
        f.add(new Field(PPKS, false, Field.Type.CODE_SET, ppksCodes));
        f.add(new Field(AGE, true, Field.Type.NUMBER, null));
        f.add(new Field("sex", true, Field.Type.CODE, Arrays.stream(Sex.values()).map(Enum::name).toList()));
        f.add(new Field("relationship", true, Field.Type.CODE, Arrays.stream(Relationship.values()).map(Enum::name).toList()));
        f.add(new Field("disability", true, Field.Type.CODE, DISABILITY));
        f.add(new Field("marital", true, Field.Type.CODE, MARITAL));
        f.add(new Field(PPKS, true, Field.Type.CODE_SET, ppksCodes));
        return new Vocabulary(f);
    }
}
