package id.slrt.registry.generator;

import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Who lives in a household of a given size, with plausible ages: a head (mostly a man), usually a
 * spouse, their children (born while the mother was 17 to 45), sometimes a widowed parent of the
 * head, and in older households a child-in-law with grandchildren.
 */
final class FamilyBuilder {
    static final String BELUM_KAWIN = "BELUM_KAWIN";
    static final String KAWIN = "KAWIN";
    static final String CERAI_HIDUP = "CERAI_HIDUP";
    static final String CERAI_MATI = "CERAI_MATI";

    /** One person before names and numbers: {@code birthOrder} counts siblings from the eldest (1). */
    record Draft(Relationship relationship, Sex sex, LocalDate birthDate, String maritalStatus, int birthOrder) {
    }

    private final Random random;
    private final LocalDate asOf;

    FamilyBuilder(Random random, LocalDate asOf) {
        this.random = random;
        this.asOf = asOf;
    }

    List<Draft> family(int size) {
        List<Draft> family = new ArrayList<>(size + 1);
        boolean alone = size == 1;
        Sex headSex = random.nextDouble() < (alone ? 0.55 : 0.86) ? Sex.L : Sex.P;
        int headAge = alone ? (random.nextBoolean() ? between(60, 92) : between(20, 59))
                : 21 + random.nextInt(19) + random.nextInt(19) + random.nextInt(19);
        boolean married = !alone && random.nextDouble() < (headSex == Sex.L ? 0.92 : 0.06);
        family.add(draft(Relationship.KEPALA, headSex, headAge, married ? KAWIN : unmarried(headSex, headAge), 1));
        int spouseAge = 0;
        if (married) {
            spouseAge = Math.max(17, headAge + (headSex == Sex.L ? -between(0, 9) : between(0, 6)));
            family.add(draft(Relationship.ISTRI_SUAMI, other(headSex), spouseAge, KAWIN, 1));
        }
        if (family.size() < size && headAge < 55 && random.nextDouble() < 0.12) {
            Sex sex = random.nextDouble() < 0.7 ? Sex.P : Sex.L;
            String marital = random.nextDouble() < 0.8 ? CERAI_MATI : KAWIN;
            family.add(draft(Relationship.ORANG_TUA, sex, Math.min(headAge + between(20, 34), 98), marital, 1));
        }
        int motherAge = married ? (headSex == Sex.L ? spouseAge : headAge) : (headSex == Sex.P ? headAge : headAge - 4);
        int slots = size - family.size();
        if (headAge >= 58 && slots >= 2 && random.nextDouble() < 0.4) {
            addGrandchildren(family, slots);
        } else {
            addChildren(family, slots, motherAge);
        }
        return family;
    }

    private void addChildren(List<Draft> family, int count, int motherAge) {
        int oldest = Math.max(0, Math.min(motherAge - 17, 35));
        int youngest = Math.min(oldest, Math.max(0, motherAge - 45));
        List<Integer> ages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ages.add(between(youngest, oldest));
        }
        ages.sort(Comparator.reverseOrder());
        for (int i = 0; i < count; i++) {
            int age = ages.get(i);
            family.add(draft(Relationship.ANAK, random.nextDouble() < 0.51 ? Sex.L : Sex.P, age, childMarital(age), i + 1));
        }
    }

    private void addGrandchildren(List<Draft> family, int count) {
        int inLawAge = between(22, 40);
        Sex inLawSex = random.nextDouble() < 0.65 ? Sex.P : Sex.L;
        family.add(draft(Relationship.MENANTU, inLawSex, inLawAge, KAWIN, 1));
        int oldest = Math.min(inLawAge - 17, 15);
        List<Integer> ages = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            ages.add(between(0, oldest));
        }
        ages.sort(Comparator.reverseOrder());
        for (int i = 0; i < ages.size(); i++) {
            family.add(draft(Relationship.CUCU, random.nextBoolean() ? Sex.L : Sex.P, ages.get(i), BELUM_KAWIN, i + 1));
        }
    }

    private String unmarried(Sex sex, int age) {
        if (sex == Sex.P) {
            return age < 25 ? BELUM_KAWIN
                    : new Weighted<>(List.of(CERAI_MATI, CERAI_HIDUP, BELUM_KAWIN), 62, 33, 5).pick(random);
        }
        if (age < 30 && random.nextDouble() < 0.75) {
            return BELUM_KAWIN;
        }
        return new Weighted<>(List.of(CERAI_MATI, CERAI_HIDUP, BELUM_KAWIN), 45, 40, 15).pick(random);
    }

    private String childMarital(int age) {
        if (age < 20) {
            return BELUM_KAWIN;
        }
        double r = random.nextDouble();
        return r < 0.10 ? KAWIN : r < 0.13 ? CERAI_HIDUP : BELUM_KAWIN;
    }

    private Draft draft(Relationship relationship, Sex sex, int age, String marital, int birthOrder) {
        LocalDate birth = asOf.minusYears(age).minusDays(random.nextInt(365));
        return new Draft(relationship, sex, birth, marital, birthOrder);
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private static Sex other(Sex sex) {
        return sex == Sex.L ? Sex.P : Sex.L;
    }
}
