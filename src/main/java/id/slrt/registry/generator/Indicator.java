package id.slrt.registry.generator;

import id.slrt.registry.DtksCodes;
import java.util.List;
import java.util.Random;

/**
 * The DTKS housing indicators of a household with weights for the codes of {@link DtksCodes}
 * (the codes the household form accepts). Each value has a
 * weight for the poorest households and one for the better off; a household's weights lie between the
 * two according to its desil.
 */
enum Indicator {
    HOUSE_OWNERSHIP("houseOwnership", new double[] {60, 8, 25, 1, 6}, new double[] {80, 10, 5, 3, 2}),
    FLOOR_TYPE("floorType", new double[] {10, 40, 32, 4, 14}, new double[] {55, 30, 14, 0, 1}),
    WALL_TYPE("wallType", new double[] {22, 50, 18, 10}, new double[] {70, 26, 1, 3}),
    ROOF_TYPE("roofType", new double[] {10, 55, 12, 20, 3}, new double[] {24, 64, 8, 1, 3}),
    WATER_SOURCE("waterSource", new double[] {8, 16, 28, 24, 16, 8}, new double[] {40, 34, 20, 3, 2, 1}),
    LIGHTING("lighting", new double[] {60, 22, 10, 8}, new double[] {96, 3, 1, 0}),
    COOKING_FUEL("cookingFuel", new double[] {52, 0, 3, 42, 3}, new double[] {90, 3, 1, 5, 1}),
    TOILET("toilet", new double[] {55, 15, 8, 22}, new double[] {93, 4, 1, 2});

    private final String field;
    private final List<String> codes;
    private final double[] poorest;
    private final double[] betterOff;

    Indicator(String field, double[] poorest, double[] betterOff) {
        this.field = field;
        this.codes = DtksCodes.FIELDS.get(field);
        if (codes == null || codes.size() != poorest.length || codes.size() != betterOff.length) {
            throw new IllegalStateException("weights of " + field + " do not match DtksCodes");
        }
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
