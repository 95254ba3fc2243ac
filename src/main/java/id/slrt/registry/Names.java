package id.slrt.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Indonesian person names (DOMAIN.md §8): validation, and the matching key used by search.
 * The key is computed identically by the SQL function {@code slrt_name_key} (migration V6, rewritten for
 * speed with the same output in V27), which
 * fills {@code member.name_key}; {@code NameKeyPropertyTest} holds the two together.
 * <p>
 * Key: accents folded, apostrophes dropped, degrees after a comma or at the end removed, leading
 * titles (H., Hj., Drs., K.H., …) removed, Muhammad/Ahmad/Abdul variants unified, "bin"/"binti"
 * dropped, old spellings folded (y→j, oe→u, dj→j, tj→c, ch→kh, dh→d, th→t) and doubled letters
 * collapsed.
 */
public final class Names {
    /** Same strings as the SQL function's translate(). */
    static final String ACCENTED = "ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÑñÇçÝýÿ";
    static final String PLAIN = "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCcYyy";

    private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
    private static final Pattern NON_ASCII = Pattern.compile("[^\\x01-\\x7F]");
    private static final Pattern TRAILING_DEGREES = Pattern.compile("(\\s+[SMAsma]\\.\\s?[A-Za-z]{1,5}\\.?)+\\s*$");
    private static final Pattern KYAI_HAJI = Pattern.compile("(^|[^A-Za-z])[Kk]\\.\\s*[Hh]\\.");
    private static final Pattern NON_LETTERS = Pattern.compile("[^A-Z]+");
    private static final Pattern DOUBLED = Pattern.compile("([A-Z])\\1+");

    static final Set<String> TITLES = Set.of("IR", "DRS", "DRA", "DR", "DRG", "DRH", "EC", "H", "HJ", "KH", "PROF",
            "TGK", "TEUKU", "RADEN", "R", "HAJI", "HAJJAH");
    static final Map<String, String> VARIANTS = Map.ofEntries(
            Map.entry("MUHAMMAD", "MUHAMMAD"), Map.entry("MUHAMAD", "MUHAMMAD"), Map.entry("MOHAMMAD", "MUHAMMAD"),
            Map.entry("MOHAMAD", "MUHAMMAD"), Map.entry("MOCHAMMAD", "MUHAMMAD"), Map.entry("MOCHAMAD", "MUHAMMAD"),
            Map.entry("MUCHAMMAD", "MUHAMMAD"), Map.entry("MUCHAMAD", "MUHAMMAD"), Map.entry("MUHAMMED", "MUHAMMAD"),
            Map.entry("MOHAMMED", "MUHAMMAD"), Map.entry("MOH", "MUHAMMAD"), Map.entry("MOCH", "MUHAMMAD"),
            Map.entry("MUH", "MUHAMMAD"), Map.entry("MHD", "MUHAMMAD"), Map.entry("MD", "MUHAMMAD"),
            Map.entry("M", "MUHAMMAD"),
            Map.entry("ACHMAD", "AHMAD"), Map.entry("AKHMAD", "AHMAD"), Map.entry("AHMED", "AHMAD"),
            Map.entry("ABD", "ABDUL"));
    static final Set<String> PATRONYMIC = Set.of("BIN", "BINTI");

    private Names() {
    }

    /** The search key of a name ("" for none). */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = translate(name);
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = NON_ASCII.matcher(s).replaceAll(" ");
        int comma = s.indexOf(',');
        if (comma >= 0) {
            s = s.substring(0, comma);
        }
        s = TRAILING_DEGREES.matcher(s).replaceAll("");
        s = KYAI_HAJI.matcher(s).replaceAll("$1KH ");
        s = NON_LETTERS.matcher(s.toUpperCase(java.util.Locale.ROOT)).replaceAll(" ").trim();
        if (s.isEmpty()) {
            return "";
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(s.split(" ")));
        int start = 0;
        while (start < tokens.size() - 1 && TITLES.contains(tokens.get(start))) {
            start++;
        }
        List<String> out = new ArrayList<>();
        for (String t : tokens.subList(start, tokens.size())) {
            if (PATRONYMIC.contains(t)) {
                continue;
            }
            out.add(fold(VARIANTS.getOrDefault(t, t)));
        }
        return String.join(" ", out);
    }

    static String fold(String token) {
        // y→j first: old spelling wrote today's y as j, so "Prasetyo" and "Prasetjo" must meet before tj→c.
        String t = token.replace("Y", "J").replace("OE", "U").replace("DJ", "J").replace("TJ", "C").replace("CH", "KH")
                .replace("DH", "D").replace("TH", "T");
        return DOUBLED.matcher(t).replaceAll("$1");
    }

    private static String translate(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int at = ACCENTED.indexOf(c);
            sb.append(at >= 0 ? PLAIN.charAt(at) : c);
        }
        return sb.toString();
    }

    /** Checks a person's name as entered: letters with the punctuation of titles, no digits. */
    public static ValidationResult check(String field, String name) {
        ValidationResult result = new ValidationResult();
        if (name == null || name.isBlank()) {
            return result.add(Issue.error(field, "name.required"));
        }
        String n = name.strip();
        if (n.chars().anyMatch(Character::isDigit)) {
            result.add(Issue.error(field, "name.digits"));
        } else if (!n.matches("[\\p{L}\\p{M} .,'’`\\-]+")) {
            result.add(Issue.error(field, "name.characters"));
        }
        if (n.length() > 100) {
            result.add(Issue.error(field, "name.too-long", 100));
        } else if (n.codePoints().filter(Character::isLetter).count() < 2) {
            result.add(Issue.error(field, "name.too-short"));
        }
        return result;
    }
}
