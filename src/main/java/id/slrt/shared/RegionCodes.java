package id.slrt.shared;

/** Kemendagri region codes without dots: 2 provinsi, 4 kabupaten/kota, 6 kecamatan, 10 desa/kelurahan. */
public final class RegionCodes {
    private RegionCodes() {
    }

    public static boolean isWellFormed(String code) {
        return code != null && code.matches("\\d{2}|\\d{4}|\\d{6}|\\d{10}");
    }

    /** 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan; 0 when not well formed. */
    public static int level(String code) {
        if (!isWellFormed(code)) {
            return 0;
        }
        return switch (code.length()) {
            case 2 -> 1;
            case 4 -> 2;
            case 6 -> 3;
            default -> 4;
        };
    }

    public static boolean isWithin(String code, String scopePrefix) {
        return code != null && scopePrefix != null && !scopePrefix.isEmpty() && code.startsWith(scopePrefix);
    }
}
