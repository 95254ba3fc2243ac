package id.slrt.registry.generator;

import java.util.List;
import java.util.Random;

/**
 * The DTKS housing indicators of a household and their coded values (DOMAIN.md §4, questionnaire
 * 2021/2022, simplified), the same codes the registry's household form accepts. Each value has a
 * weight for the poorest households and one for the better off; a household's weights lie between the
 * two according to its desil.
 */
enum Indicator {
    HOUSE_OWNERSHIP("houseOwnership", List.of("MILIK_SENDIRI", "SEWA", "BEBAS_SEWA", "DINAS", "LAINNYA"),
            new double[] {60, 8, 25, 1, 6}, new double[] {80, 10, 5, 3, 2}),
    FLOOR_TYPE("floorType", List.of("KERAMIK", "SEMEN", "KAYU", "BAMBU", "TANAH"),
            new double[] {10, 40, 32, 4, 14}, new double[] {55, 30, 14, 0, 1}),
    WALL_TYPE("wallType", List.of("TEMBOK", "KAYU", "BAMBU", "LAINNYA"),
            new double[] {22, 50, 18, 10}, new double[] {70, 26, 1, 3}),
    ROOF_TYPE("roofType", List.of("GENTENG", "SENG", "ASBES", "IJUK_RUMBIA", "LAINNYA"),
            new double[] {10, 55, 12, 20, 3}, new double[] {24, 64, 8, 1, 3}),
    WATER_SOURCE("waterSource", List.of("LEDENG", "SUMUR_BOR", "SUMUR_TERLINDUNG", "SUMUR_TAK_TERLINDUNG", "SUNGAI",
            "AIR_HUJAN"),
            new double[] {8, 16, 28, 24, 16, 8}, new double[] {40, 34, 20, 3, 2, 1}),
    LIGHTING("lighting", List.of("PLN_METERAN", "PLN_TANPA_METERAN", "NON_PLN", "BUKAN_LISTRIK"),
            new double[] {60, 22, 10, 8}, new double[] {96, 3, 1, 0}),
    COOKING_FUEL("cookingFuel", List.of("GAS", "LISTRIK", "MINYAK_TANAH", "KAYU_BAKAR", "LAINNYA"),
            new double[] {52, 0, 3, 42, 3}, new double[] {90, 3, 1, 5, 1}),
    TOILET("toilet", List.of("SENDIRI", "BERSAMA", "UMUM", "TIDAK_ADA"),
            new double[] {55, 15, 8, 22}, new double[] {93, 4, 1, 2});

    private final String field;
    private final List<String> codes;
    private final double[] poorest;
    private final double[] betterOff;

    Indicator(String field, List<String> codes, double[] poorest, double[] betterOff) {
        this.field = field;
        this.codes = codes;
        this.poorest = poorest;
        this.betterOff = betterOff;
    }

    /** The field's name in the registry's forms and message keys ({@code dtks.<field>.<CODE>}). */
    String field() {
        return field;
    }

    List<String> codes() {
        return codes;
    }

    /** {@code wealth} 0 for the poorest household, 1 for the best off. */
    String pick(Random random, double wealth) {
        double[] weights = new double[codes.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = poorest[i] * (1 - wealth) + betterOff[i] * wealth;
        }
        return new Weighted<>(codes, weights).pick(random);
    }
}
