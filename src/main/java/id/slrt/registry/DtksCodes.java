package id.slrt.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coded housing indicators of the DTKS questionnaire (DOMAIN.md §4), kept as codes, never free text.
 * Labels are message keys {@code dtks.<field>.<CODE>}.
 */
public final class DtksCodes {
    public static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("houseOwnership", List.of("MILIK_SENDIRI", "SEWA", "BEBAS_SEWA", "DINAS", "LAINNYA"));
        FIELDS.put("floorType", List.of("KERAMIK", "SEMEN", "KAYU", "BAMBU", "TANAH"));
        FIELDS.put("wallType", List.of("TEMBOK", "KAYU", "BAMBU", "LAINNYA"));
        FIELDS.put("roofType", List.of("GENTENG", "SENG", "ASBES", "IJUK_RUMBIA", "LAINNYA"));
        FIELDS.put("waterSource", List.of("LEDENG", "SUMUR_BOR", "SUMUR_TERLINDUNG", "SUMUR_TAK_TERLINDUNG", "SUNGAI", "AIR_HUJAN"));
        FIELDS.put("lighting", List.of("PLN_METERAN", "PLN_TANPA_METERAN", "NON_PLN", "BUKAN_LISTRIK"));
        FIELDS.put("cookingFuel", List.of("GAS", "LISTRIK", "MINYAK_TANAH", "KAYU_BAKAR", "LAINNYA"));
        FIELDS.put("toilet", List.of("SENDIRI", "BERSAMA", "UMUM", "TIDAK_ADA"));
    }

    private DtksCodes() {
    }

    public static boolean valid(String field, String code) {
        return code == null || code.isBlank() || FIELDS.getOrDefault(field, List.of()).contains(code);
    }
}
