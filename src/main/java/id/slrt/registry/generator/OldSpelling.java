package id.slrt.registry.generator;

/**
 * Writes a name the way it was written before the 1947 and 1972 spelling reforms (DOMAIN.md §8):
 * u→oe, j→dj, c→tj, y→j (so sy→sj, ny→nj), kh→ch. Soekarno, Djoko, Tjahjo, Joesoef, Sjahrir, Chairoel.
 * Abbreviations and titles (tokens ending in a dot) stay as they are.
 */
final class OldSpelling {
    private OldSpelling() {
    }

    static String of(String name) {
        String[] tokens = name.split(" ");
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (String token : tokens) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(token.endsWith(".") ? token : token(token));
        }
        return out.toString();
    }

    private static String token(String token) {
        StringBuilder out = new StringBuilder(token.length() + 4);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char lower = Character.toLowerCase(c);
            boolean upper = Character.isUpperCase(c);
            boolean beforeH = i + 1 < token.length() && Character.toLowerCase(token.charAt(i + 1)) == 'h';
            switch (lower) {
                case 'u' -> out.append(upper ? "Oe" : "oe");
                case 'j' -> out.append(upper ? "Dj" : "dj");
                case 'c' -> out.append(upper ? "Tj" : "tj");
                case 'y' -> out.append(upper ? 'J' : 'j');
                case 'k' -> out.append(beforeH ? (upper ? 'C' : 'c') : c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
