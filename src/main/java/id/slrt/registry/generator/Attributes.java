package id.slrt.registry.generator;

import id.slrt.registry.Sex;
import java.util.List;
import java.util.Random;

/** Education, occupation, disability and phone of a person, by age and sex (small coded value sets). */
final class Attributes {
    static final List<String> EDUCATION = List.of("TIDAK_BELUM_SEKOLAH", "BELUM_TAMAT_SD", "SD", "SMP", "SMA",
            "DIPLOMA", "S1");
    static final List<String> OCCUPATION = List.of("BELUM_TIDAK_BEKERJA", "PELAJAR_MAHASISWA", "MENGURUS_RUMAH_TANGGA",
            "PETANI_PEKEBUN", "BURUH_HARIAN_LEPAS", "NELAYAN", "PEDAGANG", "WIRASWASTA", "KARYAWAN_SWASTA", "PNS",
            "PENSIUNAN");
    static final String NO_DISABILITY = "NONE";
    static final List<String> DISABILITY = List.of("FISIK", "SENSORIK_NETRA", "SENSORIK_RUNGU_WICARA", "INTELEKTUAL",
            "MENTAL", "GANDA");
    static final String PELAJAR = "PELAJAR_MAHASISWA";

    private static final Weighted<String> EDUCATION_YOUNG_ADULT = new Weighted<>(EDUCATION, 2, 4, 25, 28, 33, 3, 5);
    private static final Weighted<String> EDUCATION_MIDDLE_AGED = new Weighted<>(EDUCATION, 5, 10, 38, 22, 20, 2, 3);
    private static final Weighted<String> EDUCATION_ELDERLY = new Weighted<>(EDUCATION, 25, 25, 35, 8, 5, 1, 1);
    private static final Weighted<String> WOMEN_WORK = new Weighted<>(OCCUPATION, 3, 0, 50, 15, 10, 0, 10, 5, 5, 2, 0);
    private static final Weighted<String> MEN_WORK = new Weighted<>(OCCUPATION, 5, 0, 0, 38, 20, 4, 8, 10, 9, 3, 0);
    private static final Weighted<String> DISABILITY_KIND = new Weighted<>(DISABILITY, 40, 15, 15, 10, 10, 10);
    private static final List<String> PHONE_PREFIXES = List.of("0811", "0812", "0813", "0821", "0822", "0823", "0852",
            "0853", "0851", "0814", "0815", "0816", "0855", "0856", "0857", "0858", "0817", "0818", "0819", "0859",
            "0877", "0878", "0895", "0896", "0897", "0898", "0899", "0881", "0882", "0883");

    private final Random random;

    Attributes(Random random) {
        this.random = random;
    }

    String education(int age) {
        if (age < 7) {
            return "TIDAK_BELUM_SEKOLAH";
        }
        if (age <= 12) {
            return "BELUM_TAMAT_SD";
        }
        if (age <= 15) {
            return "SD";
        }
        if (age <= 18) {
            return random.nextDouble() < 0.8 ? "SMP" : "SD";
        }
        String education = (age <= 40 ? EDUCATION_YOUNG_ADULT : age <= 60 ? EDUCATION_MIDDLE_AGED : EDUCATION_ELDERLY)
                .pick(random);
        // A degree takes until about 22, a diploma until 21.
        boolean tooYoung = ("S1".equals(education) && age < 22) || ("DIPLOMA".equals(education) && age < 21);
        return tooYoung ? "SMA" : education;
    }

    String occupation(int age, Sex sex) {
        if (age < 7) {
            return "BELUM_TIDAK_BEKERJA";
        }
        if (age <= 18 || (age <= 22 && random.nextDouble() < 0.15)) {
            return age <= 18 && random.nextDouble() < 0.1 ? "BELUM_TIDAK_BEKERJA" : PELAJAR;
        }
        if (age >= 65 && random.nextDouble() < 0.55) {
            return random.nextDouble() < 0.1 ? "PENSIUNAN" : "BELUM_TIDAK_BEKERJA";
        }
        return (sex == Sex.P ? WOMEN_WORK : MEN_WORK).pick(random);
    }

    /** About 2% of people, more among the old. */
    String disability(int age) {
        double share = age >= 60 ? 0.045 : 0.017;
        return random.nextDouble() < share ? DISABILITY_KIND.pick(random) : NO_DISABILITY;
    }

    /** 08xx and 7 to 9 more digits, for some adults (the head more often). */
    String phone(int age, boolean head) {
        if (age < 17 || random.nextDouble() >= (head ? 0.6 : 0.35)) {
            return null;
        }
        return PHONE_PREFIXES.get(random.nextInt(PHONE_PREFIXES.size())) + digits(7 + random.nextInt(3), random);
    }

    static String digits(int count, Random random) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
