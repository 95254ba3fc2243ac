package id.slrt.registry.generator;

import java.util.Random;

/** The damage the seeds describe: a NIK with a digit too few or too many, an account with a letter or a lost digit. */
final class Damage {
    /** Letters typed or read for digits: O for 0, I and l for 1, S for 5, B for 8, Z for 2. */
    private static final String LOOK_ALIKES = "OIlSBZ";

    private Damage() {
    }

    /** 15 or 17 digits: one digit dropped or one typed twice. */
    static String wrongLength(String digits, Random random) {
        int at = random.nextInt(digits.length());
        if (random.nextBoolean()) {
            return digits.substring(0, at) + digits.substring(at + 1);
        }
        return digits.substring(0, at + 1) + digits.substring(at);
    }

    /** A letter in place of a digit, or a digit missing. */
    static String accountNumber(String digits, Random random) {
        int at = random.nextInt(digits.length());
        if (random.nextBoolean()) {
            char letter = LOOK_ALIKES.charAt(random.nextInt(LOOK_ALIKES.length()));
            return digits.substring(0, at) + letter + digits.substring(at + 1);
        }
        return digits.substring(0, at) + digits.substring(at + 1);
    }
}
