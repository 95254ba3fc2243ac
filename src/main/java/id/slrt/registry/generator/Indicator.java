package id.slrt.registry.generator;

import java.util.List;
import java.util.Random;

/**
 * The DTKS housing indicators of a household and their coded values (DOMAIN.md §4, questionnaire
 * 2021/2022, simplified). Each value has a weight for the poorest households and one for the better
 * off; a household's weights lie between the two according to its desil.
 */
enum Indicator {
    HOUSE_OWNERSHIP(List.of("MILIK_SENDIRI", "SEWA", "BEBAS_SEWA", "LAINNYA"),
            new double[] {60, 8, 25, 7}, new double[] {82, 10, 6, 2}),
    FLOOR_TYPE(List.of("TANAH", "SEMEN", "KAYU", "KERAMIK"),
            new double[] {14, 40, 36, 10}, new double[] {1, 30, 14, 55}),
    WALL_TYPE(List.of("TEMBOK", "KAYU", "BAMBU", "SENG", "LAINNYA"),
            new double[] {22, 50, 18, 6, 4}, new double[] {70, 26, 1, 2, 1}),
    ROOF_TYPE(List.of("SENG", "GENTENG", "ASBES", "BETON", "IJUK_RUMBIA", "LAINNYA"),
            new double[] {55, 10, 12, 0, 20, 3}, new double[] {62, 22, 8, 6, 1, 1}),
    WATER_SOURCE(List.of("AIR_KEMASAN", "LEDENG", "SUMUR_BOR", "SUMUR_TERLINDUNG", "SUMUR_TAK_TERLINDUNG",
            "MATA_AIR", "SUNGAI", "AIR_HUJAN"),
            new double[] {4, 6, 14, 26, 22, 8, 14, 6}, new double[] {30, 22, 28, 14, 2, 2, 1, 1}),
    LIGHTING(List.of("PLN_METERAN", "PLN_TANPA_METERAN", "NON_PLN", "BUKAN_LISTRIK"),
            new double[] {60, 22, 10, 8}, new double[] {96, 3, 1, 0}),
    COOKING_FUEL(List.of("LISTRIK", "LPG", "MINYAK_TANAH", "KAYU_BAKAR", "ARANG", "TIDAK_MEMASAK"),
            new double[] {0, 52, 3, 42, 2, 1}, new double[] {3, 90, 1, 5, 0, 1}),
    TOILET(List.of("SENDIRI", "BERSAMA", "UMUM", "TIDAK_ADA"),
            new double[] {55, 15, 8, 22}, new double[] {93, 4, 1, 2});

    private final List<String> codes;
    private final double[] poorest;
    private final double[] betterOff;

    Indicator(List<String> codes, double[] poorest, double[] betterOff) {
        this.codes = codes;
        this.poorest = poorest;
        this.betterOff = betterOff;
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
