package id.slrt.registry.generator;

import id.slrt.registry.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Puts together a person's full name in the way of a naming tradition. */
final class PersonNamer {
    private static final List<List<String>> BIRTH_ORDER = List.of(List.of("Wayan", "Putu", "Gede"),
            List.of("Made", "Kadek", "Nengah"), List.of("Nyoman", "Komang"), List.of("Ketut"));
    private static final Weighted<String> MUHAMMAD = new Weighted<>(List.of("Muhammad", "M.", "Moh.", "Mhd.", "Muhamad"),
            55, 20, 10, 8, 7);
    private static final Weighted<String> SITI = new Weighted<>(List.of("Siti", "Nur"), 65, 35);

    /**
     * A name with its parts: {@code given} to name a child "bin/binti …", {@code family} for the children
     * ("" when the person has none, so that the children have none either).
     */
    record PersonName(String full, String given, String family) {
    }

    private final Random random;

    PersonNamer(Random random) {
        this.random = random;
    }

    /**
     * @param inheritedFamily the father's family name, passed to his children ("" for none); null to choose
     * @param fatherGiven     for "bin/binti"; null when unknown
     * @param birthOrder      1 for the first-born (Balinese names count it)
     */
    PersonName name(NamePool pool, Sex sex, int age, int birthYear, String inheritedFamily, String fatherGiven,
                    int birthOrder) {
        boolean modern = birthYear >= 2005 && pool.muslimShare() > 0 && random.nextBoolean();
        String given = given(pool, sex, modern);
        String family = inheritedFamily != null ? inheritedFamily
                : pool.familyShare() > 0 && random.nextDouble() < pool.familyShare() ? pick(pool.family()) : "";
        String full = pool.balinese() ? balinese(sex, given, birthOrder)
                : ordinary(pool, sex, age, given, family, fatherGiven);
        return new PersonName(full, given, family);
    }

    /** A given name alone, for a parent who is not in the household. */
    String givenName(NamePool pool, Sex sex) {
        return pick(sex == Sex.L ? pool.male() : pool.female());
    }

    private String given(NamePool pool, Sex sex, boolean modern) {
        boolean male = sex == Sex.L;
        String first = pick(modern ? (male ? NamePools.MODERN_MALE : NamePools.MODERN_FEMALE)
                : (male ? pool.male() : pool.female()));
        if (random.nextDouble() >= (modern ? 0.6 : pool.secondShare())) {
            return first;
        }
        String second = pick(modern ? (male ? NamePools.MODERN_MALE_SECOND : NamePools.MODERN_FEMALE_SECOND)
                : (male ? pool.maleSecond() : pool.femaleSecond()));
        return second.equals(first) ? first : first + " " + second;
    }

    private String ordinary(NamePool pool, Sex sex, int age, String given, String family, String fatherGiven) {
        List<String> parts = new ArrayList<>(6);
        boolean male = sex == Sex.L;
        if (age >= 45 && random.nextDouble() < pool.hajiShare()) {
            parts.add(male ? "H." : "Hj.");
        }
        if (pool.noble() != null && random.nextDouble() < pool.nobleShare()) {
            parts.add(pool.noble());
        }
        if (random.nextDouble() < pool.muslimShare()) {
            String prefix = (male ? MUHAMMAD : SITI).pick(random);
            if (!given.startsWith(prefix)) {
                parts.add(prefix);
            }
        }
        parts.add(given);
        if (!family.isEmpty()) {
            parts.add(family);
        } else if (age >= 17 && fatherGiven != null && random.nextDouble() < pool.patronymicShare()) {
            parts.add(male ? "bin" : "binti");
            parts.add(fatherGiven);
        }
        return String.join(" ", parts);
    }

    private String balinese(Sex sex, String given, int birthOrder) {
        boolean male = sex == Sex.L;
        double caste = random.nextDouble();
        if (caste < 0.03) {
            return (male ? "Ida Bagus " : "Ida Ayu ") + given;
        }
        String prefix = caste < 0.08 ? (male ? "I Gusti " : "I Gusti Ayu ") : (male ? "I " : "Ni ");
        List<String> orderNames = BIRTH_ORDER.get((Math.max(birthOrder, 1) - 1) % BIRTH_ORDER.size());
        int choices = male ? orderNames.size() : Math.min(orderNames.size(), 2); // Gede is for boys only
        return prefix + orderNames.get(random.nextInt(choices)) + " " + given;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
