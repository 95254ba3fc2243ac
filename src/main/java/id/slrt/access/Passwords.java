package id.slrt.access;

import java.security.SecureRandom;

/** Password rules and generated temporary passwords. */
public final class Passwords {
    public static final int MIN_LENGTH = 8;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** A message key for what is wrong with the password, or null when it is acceptable. */
    public static String problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "password.too-short";
        }
        if (password.length() > 128) {
            return "password.too-long";
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return "password.same-as-username";
        }
        return null;
    }

    /** Twelve characters without look-alikes (0/O, 1/l/I), easy to read out over the phone. */
    public static String temporary() {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
