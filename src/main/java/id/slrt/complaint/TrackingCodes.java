package id.slrt.complaint;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Tracking codes the public types and reads aloud: {@code SLRT-XXXXX-XXXXX}, ten characters from an
 * alphabet without 0/O, 1/I/L (31 signs, about 8·10^14 codes), drawn with SecureRandom so that a code
 * cannot be guessed from another. Typed codes are read leniently: any case, spaces or dashes, with or
 * without the prefix.
 */
public final class TrackingCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final String PREFIX = "SLRT";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    public static String next() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return format(sb.toString());
    }

    /** The code in its stored form, or empty when what was typed cannot be one. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (s.startsWith(PREFIX) && s.length() == PREFIX.length() + LENGTH) {
            s = s.substring(PREFIX.length());
        }
        if (s.length() != LENGTH || !s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(format(s));
    }

    private static String format(String tenSigns) {
        return PREFIX + "-" + tenSigns.substring(0, 5) + "-" + tenSigns.substring(5);
    }
}
